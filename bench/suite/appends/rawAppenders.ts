import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Pool } from 'pg';
import type { Appender } from './appender';
import { adminQuery, dropSchema, postgresDurability, scratchSchemaName } from './scratchSchema';

/**
 * The SQLite baseline: one prepared INSERT per append in autocommit, so each is its own
 * fsynced transaction (WAL, synchronous=FULL, as the store). better-sqlite3 is synchronous, so
 * 16 in flight still commit one after another: the naive way, with nothing shared.
 */
export function rawSqliteAppender(): Appender {
  const dir = mkdtempSync(join(tmpdir(), 'bench-raw-sqlite-'));
  const db = new Database(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE events (
    global_position INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, stream_id TEXT NOT NULL, version INTEGER NOT NULL,
    type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, UNIQUE (stream_id, version))`);
  const insert = db.prepare('INSERT INTO events (event_id, stream_id, version, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)');
  const durability = `journal_mode=${String(db.pragma('journal_mode', { simple: true }))}, synchronous=${String(db.pragma('synchronous', { simple: true }))} (2: FULL)`;
  return {
    durability,
    append: async (streamId, expectedVersion, event) => {
      insert.run(event.id, streamId, expectedVersion + 1, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata));
    },
    close: async () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The PostgreSQL baseline: a bare pg pool of 16 doing single prepared INSERTs, each its own
 * transaction (autocommit), committed as the server commits (synchronous_commit as configured:
 * on by default), in a fresh schema dropped afterwards.
 */
export async function rawPostgresAppender(databaseUrl: string): Promise<Appender> {
  const schema = scratchSchemaName('raw');
  await adminQuery(
    databaseUrl,
    `CREATE SCHEMA "${schema}";
     CREATE TABLE "${schema}".events (
       global_position bigserial PRIMARY KEY, event_id uuid NOT NULL UNIQUE, stream_id text NOT NULL, version integer NOT NULL,
       type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL, UNIQUE (stream_id, version))`,
  );
  const pool = new Pool({ connectionString: databaseUrl, max: 16 });
  const text = `INSERT INTO "${schema}".events (event_id, stream_id, version, type, data, metadata) VALUES ($1, $2, $3, $4, $5, $6)`;
  return {
    durability: await postgresDurability(databaseUrl),
    append: async (streamId, expectedVersion, event) => {
      // A named query is prepared once per connection, then only executed.
      await pool.query({ name: 'bench-raw-insert', text, values: [event.id, streamId, expectedVersion + 1, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata)] });
    },
    close: async () => {
      await pool.end();
      await dropSchema(databaseUrl, schema);
    },
  };
}
