import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import type { GlobalEvent } from '../eventStore.port';
import { eventStoreContract } from '../testing/eventStoreContract';
import { ManualClock } from '../testing/manualClock';
import { describeWithPostgres, dropSchema, scratchSchemaName, TEST_DATABASE_URL } from '../testing/postgresTestDatabase';
import { PostgresEventStore } from './postgresEventStore';

const connect = (schema: string, clock = new ManualClock()) =>
  PostgresEventStore.connect({ connectionString: TEST_DATABASE_URL!, schema, clock, pollMs: 50 });

describeWithPostgres('PostgresEventStore', () => {
  describe('contract', () => {
    eventStoreContract(async (clock) => {
      const schema = scratchSchemaName('contract');
      const store = await connect(schema, clock);
      return {
        store,
        dispose: async () => {
          await store.close();
          await dropSchema(schema);
        },
      };
    });
  });

  describe('transactions that commit out of order', () => {
    const schema = scratchSchemaName('ordering');
    let store: PostgresEventStore;
    beforeAll(async () => (store = await connect(schema)));
    afterAll(async () => {
      await store.close();
      await dropSchema(schema);
    });

    it('does not skip events written by a slow transaction that began before a faster one', async () => {
      const seen: GlobalEvent[] = [];
      const subscription = store.subscribe((e) => void seen.push(e));
      const event = (type: string) => ({ id: randomUUID(), type, data: {}, metadata: {} });

      // The slow transaction takes the lower position, then stays open.
      const slow = await store.connectClient();
      await slow.query('BEGIN');
      await store.appendWith(slow, `issue-${randomUUID()}`, [event('Slow')], 0);
      // The fast one takes a higher position and commits first.
      await store.append(`issue-${randomUUID()}`, [event('Fast')], 0);

      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(seen).toEqual([]); // Fast is held back while Slow might still commit before it

      await slow.query('COMMIT');
      slow.release();
      const deadline = Date.now() + 5000;
      while (seen.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      await subscription.stop();

      expect(seen.map((e) => e.type)).toEqual(['Slow', 'Fast']);
      expect(seen[0].globalPosition).toBeLessThan(seen[1].globalPosition);
    });
  });

  it('reads in transaction-id order as numbers, not as text, across a digit boundary', async () => {
    const schema = scratchSchemaName('xid_order');
    const store = await connect(schema);
    const client = new Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      // Rows as transactions 9 and 10 would have written them (as text, '10' sorts before '9').
      for (const [xid, type] of [[9, 'ByNine'], [10, 'ByTen']] as const) {
        await client.query(
          `INSERT INTO "${schema}".events (transaction_id, event_id, stream_id, version, type, data, metadata, recorded_at, prev_hash, hash)
           VALUES ($1::text::xid8, $2, $3, 1, $4, '{}', '{}', '2026-11-23T12:00:00.000Z', NULL, 'h')`,
          [xid, randomUUID(), `s-${xid}`, type],
        );
      }
      const first = await store.readAll({ limit: 1 });
      const second = await store.readAll({ after: first.checkpoint, limit: 10 });
      expect([...first.events, ...second.events].map((e) => e.type)).toEqual(['ByNine', 'ByTen']);
      expect(await store.headCheckpoint()).toBe(second.checkpoint);
      expect(await store.countAfter(second.checkpoint)).toBe(0);
    } finally {
      await client.end();
      await store.close();
      await dropSchema(schema);
    }
  });

  it('lets several processes start on a new schema at once and share it', async () => {
    const schema = scratchSchemaName('race');
    const stores = await Promise.all([connect(schema), connect(schema), connect(schema)]);
    const id = `issue-${randomUUID()}`;
    await stores[0].append(id, [{ id: randomUUID(), type: 'Shared', data: {}, metadata: {} }], 0);
    expect((await stores[2].readStream(id)).map((e) => e.type)).toEqual(['Shared']);
    await Promise.all(stores.map((s) => s.close()));
    await dropSchema(schema);
  });
});
