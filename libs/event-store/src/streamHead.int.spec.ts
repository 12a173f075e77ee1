import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Clock } from './clock';
import type { EventStoreAdapter } from './eventStoreAdapter';
import { isSealed } from './headSeal';
import { PostgresEventStore } from './postgres/postgresEventStore';
import { SqliteEventStore } from './sqlite/sqliteEventStore';
import { describeWithPostgres, dropSchema, scratchSchemaName, TEST_DATABASE_URL } from './testing/postgresTestDatabase';

const KEY = Buffer.alloc(32, 3);
const event = () => ({ id: randomUUID(), type: 'Happened', data: {}, metadata: {} });
const clockAt = (iso: string): Clock => ({ now: () => new Date(iso) });

type Open = (clock: Clock) => Promise<EventStoreAdapter>;

/** The head row's newer duties, on each adapter: recordedAt strictly increasing across writers, and a sealed head. */
const streamHeadSuite = (setUp: () => { open: Open; dispose: () => Promise<void> }) => () => {
  let open: Open;
  let dispose: () => Promise<void>;
  beforeEach(() => ({ open, dispose } = setUp()));
  afterEach(() => dispose());

  it("keeps recordedAt strictly increasing within a stream when a second writer's clock is behind the first's", async () => {
    const ahead = await open(clockAt('2026-03-01T10:00:00.000Z'));
    const behind = await open(clockAt('2026-03-01T09:58:00.000Z'));
    try {
      await ahead.append('issue-1', [event()], 0);
      await behind.append('issue-1', [event(), event()], 1);
      await behind.append('issue-2', [event()], 0);
      expect((await behind.readStream('issue-1')).map((e) => e.recordedAt)).toEqual([
        '2026-03-01T10:00:00.000Z',
        '2026-03-01T10:00:00.001Z',
        '2026-03-01T10:00:00.002Z',
      ]);
      // Another stream has its own order: the writer's clock as it is.
      expect((await behind.readStream('issue-2')).map((e) => e.recordedAt)).toEqual(['2026-03-01T09:58:00.000Z']);
    } finally {
      await ahead.close();
      await behind.close();
    }
  });

  it('keeps each head sealed over its stream id, version and last hash, with its last recordedAt', async () => {
    const store = await open(clockAt('2026-03-01T10:00:00.000Z'));
    try {
      await store.append('issue-1', [event(), event()], 0);
      const [head] = await store.auditSource().readStreamHeads({ after: null, limit: 10 });
      const last = (await store.readStream('issue-1')).at(-1)!;
      expect(head).toMatchObject({ streamId: 'issue-1', version: 2, lastHash: last.hash, lastRecordedAt: last.recordedAt });
      expect(isSealed(KEY, head, head.seal)).toBe(true);
    } finally {
      await store.close();
    }
  });
};

describe(
  'stream heads on SQLite',
  streamHeadSuite(() => {
    const dir = mkdtempSync(join(tmpdir(), 'stream-head-'));
    const file = join(dir, 'events.db');
    return {
      open: async (clock) => new SqliteEventStore({ file, clock, headSealKey: KEY }),
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }),
);

describe('stream heads on SQLite files written before the head had its seal', () => {
  it('gains the columns on opening, keeps its events, and seals heads from then on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stream-head-'));
    const file = join(dir, 'events.db');
    const old = new Database(file);
    old.exec('CREATE TABLE streams (stream_id TEXT PRIMARY KEY, version INTEGER NOT NULL, last_hash TEXT)');
    old.close();
    for (let round = 0; round < 2; round++) {
      const store = new SqliteEventStore({ file, headSealKey: KEY });
      await store.append(`issue-${round}`, [event()], 0);
      const heads = await store.auditSource().readStreamHeads({ after: null, limit: 10 });
      expect(heads).toHaveLength(round + 1);
      expect(heads.every((head) => isSealed(KEY, head, head.seal))).toBe(true);
      await store.close();
    }
    rmSync(dir, { recursive: true, force: true });
  });
});

describeWithPostgres(
  'stream heads on PostgreSQL',
  streamHeadSuite(() => {
    const schema = scratchSchemaName('head');
    return {
      open: (clock) => PostgresEventStore.connect({ connectionString: TEST_DATABASE_URL!, schema, clock, headSealKey: KEY, pollMs: 50 }),
      dispose: () => dropSchema(schema),
    };
  }),
);
