import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStoreAdapter } from './eventStoreAdapter';
import { PostgresEventStore } from './postgres/postgresEventStore';
import { SqliteEventStore } from './sqlite/sqliteEventStore';
import { ManualClock } from './testing/manualClock';
import { dropSchema, scratchSchemaName, TEST_DATABASE_URL } from './testing/postgresTestDatabase';

const KINDS = TEST_DATABASE_URL ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);
const HOUR = 3_600_000;

describe.each(KINDS)('stored idempotent responses expire, on %s', (kind) => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00.000Z'));
  let store: EventStoreAdapter;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    if (kind === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'idempotency-expiry-'));
      store = new SqliteEventStore({ file: join(dir, 'events.db'), clock });
      dispose = async () => (await store.close(), rmSync(dir, { recursive: true, force: true }));
    } else {
      const schema = scratchSchemaName('expiry');
      store = await PostgresEventStore.connect({ connectionString: TEST_DATABASE_URL!, schema, clock });
      dispose = async () => (await store.close(), await dropSchema(schema));
    }
  });
  afterEach(() => dispose());

  const claimAt = (now: Date, ttlMs?: number) =>
    store.claim({ scope: 'staff:a', key: 'k', requestHash: 'h', now, leaseMs: 30_000, ...(ttlMs !== undefined && { expireBefore: new Date(now.getTime() - ttlMs) }) });

  it('replays within the time to live, and after it deletes the response and lets the key be claimed again', async () => {
    const first = await claimAt(clock.now(), 24 * HOUR);
    if (first.kind !== 'claimed') throw new Error('not claimed');
    await store.append(`s-${randomUUID()}`, [{ id: randomUUID(), type: 'T', data: {}, metadata: {} }], 0, {
      idempotency: { scope: 'staff:a', key: 'k', claimToken: first.token, outcome: { sealed: true } },
    });
    const within = new Date(clock.now().getTime() + 23 * HOUR);
    expect(await claimAt(within, 24 * HOUR)).toMatchObject({ kind: 'completed', outcome: { sealed: true } });
    const after = new Date(clock.now().getTime() + 25 * HOUR);
    expect(await claimAt(after)).toMatchObject({ kind: 'completed' }); // no time to live given: kept
    expect((await claimAt(after, 24 * HOUR)).kind).toBe('claimed');
  });
});
