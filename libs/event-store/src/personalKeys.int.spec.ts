import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdempotencyClaimLostError } from './errors';
import type { EventStoreAdapter } from './eventStoreAdapter';
import { PostgresEventStore } from './postgres/postgresEventStore';
import { SqliteEventStore } from './sqlite/sqliteEventStore';
import { dropSchema, scratchSchemaName, TEST_DATABASE_URL } from './testing/postgresTestDatabase';

type Kind = 'sqlite' | 'postgres';
const KINDS: Kind[] = TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

/** Two stores on one database: two processes' connections, as in production. */
async function openTwo(kind: Kind): Promise<{ stores: [EventStoreAdapter, EventStoreAdapter]; dispose(): Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'personal-keys-'));
    const file = join(dir, 'events.db');
    const stores: [EventStoreAdapter, EventStoreAdapter] = [new SqliteEventStore({ file }), new SqliteEventStore({ file })];
    return { stores, dispose: async () => (await Promise.all(stores.map((store) => store.close())), rmSync(dir, { recursive: true, force: true })) };
  }
  const schema = scratchSchemaName('keys');
  const first = await PostgresEventStore.connect({ connectionString: TEST_DATABASE_URL!, schema });
  const second = await PostgresEventStore.connect({ connectionString: TEST_DATABASE_URL!, schema });
  return {
    stores: [first, second],
    dispose: async () => {
      await Promise.all([first.close(), second.close()]);
      await dropSchema(schema);
    },
  };
}

const offer = (lookup: string | null) => ({ subjectId: randomUUID(), key: randomBytes(32), lookup, now: new Date('2026-03-02T09:00:00.000Z') });
const event = () => ({ id: randomUUID(), type: 'PersonalDataErased', data: {}, metadata: {} });

describe.each(KINDS)('personal-data keys, on %s', (kind) => {
  let stores: [EventStoreAdapter, EventStoreAdapter];
  let dispose: () => Promise<void>;
  beforeEach(async () => ({ stores, dispose } = await openTwo(kind)));
  afterEach(() => dispose());

  it('gives one subject to a resident whose intakes race from two processes', async () => {
    const lookup = randomUUID();
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => stores[i % 2].subjectKeyFor(offer(lookup))));
    expect(new Set(answers.map((answer) => answer.subjectId)).size).toBe(1);
    expect(new Set(answers.map((answer) => answer.key.toString('hex'))).size).toBe(1);
    const kept = await stores[0].subjectKeys([answers[0].subjectId]);
    expect(kept.get(answers[0].subjectId)).toEqual(answers[0].key);
  });

  it('gives a resident nobody could recognise again a new subject each time', async () => {
    const [a, b] = [await stores[0].subjectKeyFor(offer(null)), await stores[0].subjectKeyFor(offer(null))];
    expect(a.subjectId).not.toBe(b.subjectId);
    expect((await stores[1].subjectKeys([a.subjectId, b.subjectId])).size).toBe(2);
  });

  it('destroys the key in the append that records the erasure; the resident then starts again', async () => {
    const lookup = randomUUID();
    const { subjectId } = await stores[0].subjectKeyFor(offer(lookup));
    await stores[0].append(`issue-${randomUUID()}`, [event()], 0, { shredSubjects: [subjectId] });
    expect((await stores[1].subjectKeys([subjectId])).size).toBe(0);
    const again = await stores[1].subjectKeyFor(offer(lookup));
    expect(again.subjectId).not.toBe(subjectId);
  });

  it('keeps the key when the append fails', async () => {
    const { subjectId } = await stores[0].subjectKeyFor(offer(randomUUID()));
    const stream = `issue-${randomUUID()}`;
    await stores[0].append(stream, [event()], 0);
    // A stale version fails before anything is written ...
    await expect(stores[0].append(stream, [event()], 0, { shredSubjects: [subjectId] })).rejects.toThrow();
    // ... and a claim lost fails after the key's row was deleted: the transaction takes it back.
    const lost = { scope: 's', key: 'k', claimToken: 'not-ours', outcome: {} };
    await expect(stores[0].append(stream, [event()], 1, { shredSubjects: [subjectId], idempotency: lost })).rejects.toThrow(IdempotencyClaimLostError);
    expect((await stores[1].subjectKeys([subjectId])).size).toBe(1);
    expect(await stores[1].readStream(stream)).toHaveLength(1);
  });
});
