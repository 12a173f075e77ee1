import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { EventStoreDbEventStore, type GlobalEvent, hashEvent, SqliteEventStore } from '@app/event-store';
import { EventStoreDbReader } from '@app/event-store/eventstoredb/eventStoreDbReader';
import { describeWithEventStoreDb, scratchStreamPrefix, TEST_EVENTSTORE_URL } from '@app/event-store/eventstoredb/eventStoreDbTestServer';
import type { CompanionBook } from './eventStoreDbCompanionBook';
import { EventStoreDbMigrationTarget } from './eventStoreDbTarget';
import { MigrationRefusedError } from './migrationRefusedError';
import { SqliteCompanionBook } from './sqliteCompanionBook';

const SOURCE = { description: 'sqlite test', firstEventId: randomUUID() };

/** Events of several streams as a source store would hand them over (chained, hashed, in its order), numbered from `from`. */
function sourcePage(streams: string[], perStream: number, from = 1): GlobalEvent[] {
  const last = new Map<string, GlobalEvent>();
  const page: GlobalEvent[] = [];
  for (let round = 0; round < perStream; round++) {
    for (const streamId of streams) {
      const previous = last.get(streamId);
      const fields = { streamId, version: (previous?.version ?? 0) + 1, type: 'NoteAdded', data: { round }, metadata: { actor: 'x' }, recordedAt: `2026-01-01T00:00:0${round}.000Z`, prevHash: previous?.hash ?? null };
      const position = from + page.length;
      const event = { ...fields, id: randomUUID(), hash: hashEvent(fields), globalPosition: position, checkpoint: String(position) };
      last.set(streamId, event);
      page.push(event);
    }
  }
  return page;
}

describeWithEventStoreDb('the EventStoreDB migration target', () => {
  let dir: string;
  let prefix: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'esdb-target-'));
    prefix = scratchStreamPrefix('migrate');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const companionFile = () => join(dir, 'companion.db');
  const target = (book: CompanionBook = new SqliteCompanionBook(companionFile())) => {
    const client = KurrentDBClient.connectionString(TEST_EVENTSTORE_URL!);
    return new EventStoreDbMigrationTarget(client, new EventStoreDbReader(client, prefix, 10_000), book, 'test server', 10_000, prefix);
  };

  it('completes a copy interrupted after its events were written, writing none of them twice, and a finished copy run again adds nothing', async () => {
    const streams = [`issue-${randomUUID()}`, `issue-${randomUUID()}`];
    const all = sourcePage(streams, 3);
    const [first, second] = [all.slice(0, 3), all.slice(3)];

    const run1 = target();
    await run1.open(SOURCE);
    expect(await run1.copy(first, first[2].checkpoint, [])).toBe(3);
    // The second page's events reach EventStoreDB, then the run dies before the companion records the page.
    const dying = new SqliteCompanionBook(companionFile());
    const crashing = target(Object.assign(dying, { recordPage: () => Promise.reject(new Error('killed')) }));
    await run1.close();
    await crashing.open(SOURCE);
    await expect(crashing.copy(second, second[2].checkpoint, [])).rejects.toThrow('killed');
    await crashing.close();

    const run2 = target();
    expect(await run2.open(SOURCE)).toEqual({ sourceCheckpoint: '3', eventsCopied: 3 });
    expect(await run2.copy(second, second[2].checkpoint, [])).toBe(3);
    await run2.finish();
    await run2.close();

    const run3 = target();
    expect(await run3.open(SOURCE)).toEqual({ sourceCheckpoint: '6', eventsCopied: 6 });
    await run3.close();

    const store = await EventStoreDbEventStore.connect({
      connectionString: TEST_EVENTSTORE_URL!,
      companion: new SqliteEventStore({ file: companionFile() }),
      streamPrefix: prefix,
    });
    try {
      expect((await store.readAll({ limit: 100 })).events.map((e) => e.id)).toEqual(all.map((e) => e.id));
      for (const streamId of streams) {
        const read = await store.readStream(streamId);
        expect(read.map((e) => [e.id, e.version, e.hash, e.prevHash, e.recordedAt])).toEqual(
          all.filter((e) => e.streamId === streamId).map((e) => [e.id, e.version, e.hash, e.prevHash, e.recordedAt]),
        );
      }
      // Once the API has appended, the copy cannot be topped up any more.
      await store.append(streams[0], [{ id: randomUUID(), type: 'NoteAdded', data: {}, metadata: {} }], 3);
    } finally {
      await store.close();
    }
    const late = target();
    await expect(late.open(SOURCE)).rejects.toThrow(MigrationRefusedError);
    await late.close();
  });

  it('refuses a server holding events no migration wrote', async () => {
    const store = await EventStoreDbEventStore.connect({
      connectionString: TEST_EVENTSTORE_URL!,
      companion: new SqliteEventStore({ file: join(dir, 'other.db') }),
      streamPrefix: prefix,
    });
    await store.append('issue-x', [{ id: randomUUID(), type: 'NoteAdded', data: {}, metadata: {} }], 0);
    await store.close();
    const refused = target();
    await expect(refused.open(SOURCE)).rejects.toThrow(/already holds events that no migration wrote/);
    await refused.close();
  });
});
