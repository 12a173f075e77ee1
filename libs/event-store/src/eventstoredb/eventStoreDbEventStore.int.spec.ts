import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '../sqlite/sqliteEventStore';
import { eventStoreContract } from '../testing/eventStoreContract';
import { ManualClock } from '../testing/manualClock';
import { EventStoreDbEventStore } from './eventStoreDbEventStore';
import { describeWithEventStoreDb, scratchStreamPrefix, TEST_EVENTSTORE_URL } from './eventStoreDbTestServer';

/** The store on the test server, under a fresh prefix, with a SQLite companion in a scratch folder. */
async function openStore(clock = new ManualClock(), prefix = scratchStreamPrefix('contract')) {
  const dir = mkdtempSync(join(tmpdir(), 'esdb-companion-'));
  const companion = new SqliteEventStore({ file: join(dir, 'companion.db'), clock });
  const store = await EventStoreDbEventStore.connect({ connectionString: TEST_EVENTSTORE_URL!, companion, clock, pollMs: 50, streamPrefix: prefix });
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describeWithEventStoreDb('EventStoreDbEventStore', () => {
  describe('contract', () => {
    eventStoreContract((clock) => openStore(clock));
  });

  it('refuses the same event ids appended again at the same version, keeping one copy', async () => {
    const { store, dispose } = await openStore();
    try {
      const id = `issue-${randomUUID()}`;
      const event = { id: randomUUID(), type: 'Reported', data: { n: 1 }, metadata: {} };
      await store.append(id, [event], 0);
      await expect(store.append(id, [event], 0)).rejects.toMatchObject({ name: 'WrongExpectedVersionError', currentVersion: 1 });
      expect((await store.readStream(id)).map((e) => e.id)).toEqual([event.id]);
    } finally {
      await dispose();
    }
  });

  it('lets one of two processes appending the same event id on the same head win; the server deduplicates the other, which is told of the conflict', async () => {
    const prefix = scratchStreamPrefix('dedupe');
    const later = new ManualClock(new Date('2026-11-23T12:05:00.000Z'));
    const [a, b] = [await openStore(new ManualClock(), prefix), await openStore(later, prefix)];
    try {
      const id = `issue-${randomUUID()}`;
      // A deterministic id (as the scheduler's), planned by both on the empty stream, at different instants.
      const event = { id: randomUUID(), type: 'DeadlineMissed', data: { n: 1 }, metadata: {} };
      const results = await Promise.allSettled([a.store.append(id, [event], 0), b.store.append(id, [event], 0)]);
      const won = results.filter((r): r is PromiseFulfilledResult<Awaited<ReturnType<typeof a.store.append>>> => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0].reason).toMatchObject({ name: 'WrongExpectedVersionError', currentVersion: 1 });
      const stored = await a.store.readStream(id);
      expect(stored.map((e) => [e.id, e.hash])).toEqual([[event.id, won[0].value.events[0].hash]]);
    } finally {
      await a.dispose();
      await b.dispose();
    }
  });

  it("keeps two prefixes' stores apart on one server", async () => {
    const a = await openStore();
    const b = await openStore();
    try {
      await a.store.append('issue-1', [{ id: randomUUID(), type: 'InA', data: {}, metadata: {} }], 0);
      await b.store.append('issue-1', [{ id: randomUUID(), type: 'InB', data: {}, metadata: {} }], 0);
      expect((await a.store.readAll()).events.map((e) => [e.streamId, e.type])).toEqual([['issue-1', 'InA']]);
      expect((await b.store.readStream('issue-1')).map((e) => e.type)).toEqual(['InB']);
    } finally {
      await a.dispose();
      await b.dispose();
    }
  });
});
