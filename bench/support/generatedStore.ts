import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { type EventStore, type EventStoreAdapter, PostgresEventStore, SqliteEventStore } from '@app/event-store';
import { REFERENCE_KEY } from '@app/streams';
import { EVENTS_PER_ISSUE, IssueHistories } from './issueHistories';

export type BenchStoreKind = 'sqlite' | 'postgres';
/** A store of exactly this many events, or of this many issues (whole histories). */
export type StoreSize = { readonly events: number } | { readonly issues: number };

export interface StoreRequest {
  readonly kind: BenchStoreKind;
  readonly size: StoreSize;
  readonly seed: number;
  /** PostgreSQL only. */
  readonly databaseUrl?: string;
}

export interface GeneratedStore {
  readonly store: EventStoreAdapter;
  readonly events: number;
  readonly issues: number;
  /** The SQLite file, or the PostgreSQL schema. */
  readonly location: string;
  /** False when a store cached by an earlier run was reused. */
  readonly generated: boolean;
}

/** Where generated stores are kept between runs: generating a million events takes minutes. */
export const BENCH_CACHE_DIR = join(tmpdir(), 'issues-bench');
const RAM_DISK = '/dev/shm';

// Part of the cache key: raise it whenever the generated histories change.
const GENERATOR_VERSION = 2;
const labelOf = (size: StoreSize, seed: number) => ('events' in size ? `e${size.events}` : `i${size.issues}`) + `_s${seed}_v${GENERATOR_VERSION}`;

/**
 * A store filled with generated issue histories, from the cache when an earlier run made the
 * same one (same kind, size and seed). A store is generated under a temporary name and only
 * renamed into the cache once complete, so an interrupted run never leaves a short one there.
 */
export async function openGeneratedStore(request: StoreRequest): Promise<GeneratedStore> {
  return request.kind === 'sqlite' ? openSqlite(request) : openPostgres(request);
}

async function openSqlite({ size, seed }: StoreRequest): Promise<GeneratedStore> {
  const dir = join(BENCH_CACHE_DIR, `sqlite-${labelOf(size, seed)}`);
  const file = join(dir, 'events.db');
  const generated = !existsSync(file);
  if (generated) {
    // Written where an fsync costs nothing (RAM), through the real adapter, then copied in:
    // the store's synchronous=FULL would otherwise make every issue's append wait for the disk.
    const scratch = mkdtempSync(join(existsSync(RAM_DISK) ? RAM_DISK : tmpdir(), 'issues-bench-'));
    const partial = `${dir}.partial-${process.pid}`;
    try {
      const store = new SqliteEventStore({ file: join(scratch, 'events.db') });
      await fill(store, size, seed, 1);
      await store.close();
      mkdirSync(partial, { recursive: true });
      copyFileSync(join(scratch, 'events.db'), join(partial, 'events.db'));
      renameSync(partial, dir);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
      rmSync(partial, { recursive: true, force: true });
    }
  }
  const counts = new Database(file, { readonly: true });
  const { issues } = counts.prepare('SELECT count(*) AS issues FROM streams').get() as { issues: number };
  counts.close();
  const store = new SqliteEventStore({ file });
  return { store, events: await store.countAfter(null), issues, location: file, generated };
}

async function openPostgres({ size, seed, databaseUrl }: StoreRequest): Promise<GeneratedStore> {
  if (!databaseUrl) throw new Error('--store postgres needs --database-url (or DATABASE_URL / TEST_DATABASE_URL)');
  const schema = `bench_${labelOf(size, seed)}`;
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [schema]);
    const generated = rowCount === 0;
    if (generated) {
      const partial = `bench_partial_${randomBytes(4).toString('hex')}`;
      // Commits need not wait for the WAL's fsync while generating (a crash would only lose the run).
      const store = await PostgresEventStore.connect({ connectionString: withoutSynchronousCommit(databaseUrl), schema: partial, poolSize: 10 });
      try {
        await fill(store, size, seed, 8);
      } catch (error) {
        await admin.query(`DROP SCHEMA "${partial}" CASCADE`);
        throw error;
      } finally {
        await store.close();
      }
      await admin.query(`ALTER SCHEMA "${partial}" RENAME TO "${schema}"`);
      await admin.query(`VACUUM ANALYZE "${schema}".events`);
    }
    const { rows } = await admin.query<{ issues: string }>(`SELECT count(*) AS issues FROM "${schema}".streams`);
    const store = await PostgresEventStore.connect({ connectionString: databaseUrl, schema });
    return { store, events: await store.countAfter(null), issues: Number(rows[0].issues), location: schema, generated };
  } finally {
    await admin.end();
  }
}

function withoutSynchronousCommit(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('options', '-c synchronous_commit=off');
  return url.toString();
}

/** Appends generated histories, each issue's whole history in one append, `concurrency` at a time. */
async function fill(store: EventStore, size: StoreSize, seed: number, concurrency: number): Promise<void> {
  const histories = new IssueHistories(seed, 'events' in size ? Math.ceil(size.events / EVENTS_PER_ISSUE) : size.issues);
  const started = performance.now();
  const inFlight = new Set<Promise<unknown>>();
  let events = 0;
  let issues = 0;
  let reported = 0;
  const more = () => ('events' in size ? events < size.events : issues < size.issues);
  while (more()) {
    const issue = histories.next('events' in size ? size.events - events : undefined);
    events += issue.events.length;
    issues++;
    const append: Promise<unknown> = store
      .append(issue.streamId, issue.events, 0, { uniqueKeys: [{ scope: REFERENCE_KEY, key: issue.reference }] })
      .finally(() => inFlight.delete(append));
    inFlight.add(append);
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
    if (events - reported >= 100_000 || !more()) {
      reported = events;
      const seconds = (performance.now() - started) / 1000;
      process.stdout.write(`  generating: ${events.toLocaleString('en-GB')} events, ${issues.toLocaleString('en-GB')} issues, ${rate(events, seconds)} events/s\n`);
    }
  }
  await Promise.all(inFlight);
}

export const rate = (count: number, seconds: number) => Math.round(count / seconds).toLocaleString('en-GB');
