import Database from 'better-sqlite3';
import { Client } from 'pg';
import type { Checkpoint, EventStore } from '@app/event-store';

/**
 * The raw baseline: every event of the store through its own readAll, in pages, as a
 * projection runner reads them (rows mapped, JSON parsed), and nothing done with them.
 */
export async function scanThroughReadAll(store: Pick<EventStore, 'readAll'>, pageSize: number): Promise<number> {
  let after: Checkpoint | null = null;
  let count = 0;
  for (;;) {
    const page = await store.readAll({ after, limit: pageSize });
    if (page.events.length === 0) return count;
    count += page.events.length;
    after = page.checkpoint;
  }
}

/** For reference: `SELECT * FROM events` in position order, iterated bare (no adapter, no JSON parsing). */
export function bareSqliteScan(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    let count = 0;
    for (const row of db.prepare('SELECT * FROM events ORDER BY global_position').iterate()) if (row) count++;
    return count;
  } finally {
    db.close();
  }
}

/** The same on PostgreSQL with a bare pg client, in keyset pages (pg itself parses jsonb). */
export async function barePostgresScan(databaseUrl: string, schema: string, pageSize: number): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    let after = '0';
    let count = 0;
    for (;;) {
      const { rows } = await client.query<{ global_position: string }>(
        `SELECT * FROM "${schema}".events WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
        [after, pageSize],
      );
      if (rows.length === 0) return count;
      count += rows.length;
      after = rows[rows.length - 1].global_position;
    }
  } finally {
    await client.end();
  }
}

export interface Timed<T> {
  readonly result: T;
  readonly seconds: number;
  /** This process's CPU time meanwhile (user and system): less sensitive to a busy machine than `seconds`. */
  readonly cpuSeconds: number;
}

/** Runs `work` and says how long it took. */
export async function timed<T>(work: () => Promise<T> | T): Promise<Timed<T>> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await work();
  const { user, system } = process.cpuUsage(cpu);
  return { result, seconds: (performance.now() - started) / 1000, cpuSeconds: (user + system) / 1e6 };
}
