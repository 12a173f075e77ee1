import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { type GlobalEvent, PostgresEventStore, SqliteEventStore, type StoreCompanion } from '@app/event-store';
import { describeWithPostgres, dropSchema, scratchSchemaName, TEST_DATABASE_URL } from '@app/event-store/testing/postgresTestDatabase';
import type { CompanionBook } from './eventStoreDbCompanionBook';
import { MigrationRefusedError } from './migrationRefusedError';
import type { CompanionRows } from './migrationTarget';
import { PostgresCompanionBook } from './postgresCompanionBook';
import { SqliteCompanionBook } from './sqliteCompanionBook';

const SOURCE = { description: 'sqlite test', firstEventId: randomUUID() };
const head = (streamId: string, version: number): GlobalEvent => ({
  id: randomUUID(),
  streamId,
  version,
  type: 'E',
  data: {},
  metadata: {},
  recordedAt: `2026-01-0${version}T00:00:00.000Z`,
  prevHash: null,
  hash: `hash-${version}`,
  globalPosition: version,
  checkpoint: String(version),
});

/** The bookkeeping and companion rows of a copy into EventStoreDB, on each kind of companion the API can pair it with. */
function companionBookContract(setup: () => { book: () => CompanionBook; store: () => Promise<StoreCompanion & { close(): Promise<void> }>; dispose(): Promise<void> }) {
  let fixture: ReturnType<typeof setup>;
  beforeEach(() => (fixture = setup()));
  afterEach(() => fixture.dispose());

  it('records each page with its heads and erasures, and the progress a rerun resumes from', async () => {
    const subjectId = randomUUID();
    const book = fixture.book();
    await book.prepare();
    expect(await book.readProgress()).toBeUndefined();
    await book.startProgress(SOURCE);
    await book.startRun(SOURCE);
    await book.copyCompanion({ personalKeys: [{ subjectId, lookup: null, key: randomBytes(32), createdAt: '2026-01-01T00:00:00.000Z' }] });
    await book.recordPage({ heads: [head('issue-1', 2)], erasedSubjects: [subjectId], sourceCheckpoint: '2', targetCheckpoint: '100/100', written: 2 });
    await book.recordPage({ heads: [], erasedSubjects: [], sourceCheckpoint: '3', targetCheckpoint: null, written: 0 });
    await book.finish();
    expect(await book.readProgress()).toEqual({ source: 'sqlite test', firstEventId: SOURCE.firstEventId, sourceCheckpoint: '3', targetCheckpoint: '100/100', eventsCopied: 2 });
    await book.close();

    const store = await fixture.store();
    try {
      expect(await store.subjectKeys([subjectId])).toEqual(new Map());
      expect(await store.auditSource().readStreamHeads({ after: null, limit: 10 })).toEqual([
        { streamId: 'issue-1', version: 2, lastHash: 'hash-2', lastRecordedAt: '2026-01-02T00:00:00.000Z', seal: null },
      ]);
    } finally {
      await store.close();
    }
  });

  it('copies the companion rows as upserts: the same rows again change nothing', async () => {
    const rows: CompanionRows = {
      uniqueKeys: [{ scope: 'reference', key: 'TROW-2026-00001', streamId: 'issue-1' }],
      sequences: [{ name: 'reference:TROW:2026', value: 1 }],
      personalKeys: [{ subjectId: 's-1', lookup: 'lookup-1', key: randomBytes(32), createdAt: '2026-01-01T00:00:00.000Z' }],
      streamHeads: [{ streamId: 'issue-1', version: 1, lastHash: 'h1', lastRecordedAt: '2026-01-01T00:00:00.000Z', seal: 'sealed' }],
      idempotencyRecords: [
        {
          scope: 'staff:1',
          key: 'k-1',
          requestHash: 'r',
          claimToken: 't',
          claimedAt: '2026-01-01T00:00:00.000Z',
          responseStatus: null,
          responseBody: { status: 201, body: { id: 'issue-1' } },
          completedAt: '2026-01-01T00:00:01.000Z',
        },
      ],
    };
    const book = fixture.book();
    await book.prepare();
    expect(await book.copyCompanion(rows)).toEqual({ uniqueKeys: 1, sequences: 1, personalKeys: 1, streamHeads: 1, idempotencyRecords: 1 });
    expect(await book.copyCompanion(rows)).toEqual({ uniqueKeys: 0, sequences: 0, personalKeys: 0, streamHeads: 0, idempotencyRecords: 0 });
    expect(await book.copyCompanion({ sequences: [{ name: 'reference:TROW:2026', value: 0 }] })).toMatchObject({ sequences: 0 }); // never lowered
    await book.close();

    const store = await fixture.store();
    try {
      expect(await store.streamOf('reference', 'TROW-2026-00001')).toBe('issue-1');
      expect(await store.next('reference:TROW:2026')).toBe(2);
      expect(await store.claim({ scope: 'staff:1', key: 'k-1', requestHash: 'r', now: new Date('2026-01-01T00:00:02.000Z'), leaseMs: 1000 })).toEqual({
        kind: 'completed',
        requestHash: 'r',
        outcome: { status: 201, body: { id: 'issue-1' } },
      });
    } finally {
      await store.close();
    }
  });
}

describe('the EventStoreDB target with a SQLite companion', () => {
  companionBookContract(() => {
    const dir = mkdtempSync(join(tmpdir(), 'companion-book-'));
    const file = join(dir, 'companion.db');
    return {
      book: () => new SqliteCompanionBook(file),
      store: async () => new SqliteEventStore({ file }),
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  });
});

describeWithPostgres('the EventStoreDB target with a PostgreSQL companion', () => {
  companionBookContract(() => {
    const schema = scratchSchemaName('companion_book');
    return {
      book: () => new PostgresCompanionBook(new Pool({ connectionString: TEST_DATABASE_URL, max: 2 }), schema),
      store: () => PostgresEventStore.connect({ connectionString: TEST_DATABASE_URL!, schema }),
      dispose: () => dropSchema(schema),
    };
  });

  it('lets one migrate run at a time hold the companion', async () => {
    const schema = scratchSchemaName('companion_book');
    const first = new PostgresCompanionBook(new Pool({ connectionString: TEST_DATABASE_URL, max: 2 }), schema);
    const second = new PostgresCompanionBook(new Pool({ connectionString: TEST_DATABASE_URL, max: 2 }), schema);
    try {
      await first.prepare();
      const refused = second.prepare();
      await expect(refused).rejects.toThrow(MigrationRefusedError);
      await expect(refused).rejects.toThrow(/another migrate run is copying into EventStoreDB/);
    } finally {
      await first.close();
      await second.close();
      await dropSchema(schema);
    }
  });
});
