import { randomUUID } from 'node:crypto';
import { DuplicateKeyError, IdempotencyClaimLostError, InvalidCheckpointError, WrongExpectedVersionError } from '../errors';
import { hashEvent } from '../eventHash';
import type { EventStoreAdapter } from '../eventStoreAdapter';
import type { AppendedEvent, Checkpoint, GlobalEvent, NewEvent, StoredEvent } from '../eventStore.port';
import { ManualClock } from './manualClock';

export interface StoreFixture {
  readonly store: EventStoreAdapter;
  dispose(): Promise<void>;
}

const event = (type = 'SomethingHappened', data: unknown = { n: 1 }): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: { actor: { id: 'tester', role: 'admin' }, occurredAt: '2026-11-23T11:00:00.000Z' },
});

const stream = () => `issue-${randomUUID()}`;

/** Collects what a subscription delivers until a condition holds, or fails after a timeout. */
async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function readEverything(store: EventStoreAdapter, limit: number): Promise<GlobalEvent[]> {
  const all: GlobalEvent[] = [];
  let after: Checkpoint | null = null;
  for (;;) {
    const page = await store.readAll({ after, limit });
    if (page.events.length === 0) return all;
    expect(page.events.length).toBeLessThanOrEqual(limit);
    all.push(...page.events);
    after = page.checkpoint;
  }
}

/**
 * The behaviour every EventStore adapter promises, written once and run against each
 * (sqlite, postgres, and later eventstoredb).
 */
export function eventStoreContract(open: (clock: ManualClock) => Promise<StoreFixture>): void {
  let fixture: StoreFixture;
  let store: EventStoreAdapter;
  let clock: ManualClock;

  beforeEach(async () => {
    clock = new ManualClock();
    fixture = await open(clock);
    store = fixture.store;
  });
  afterEach(() => fixture.dispose());

  describe('append and readStream', () => {
    it('numbers a new stream from 1 and gives back exactly what was appended', async () => {
      const id = stream();
      const events = [event('A', { title: 'Pothole', nested: { list: [1, 'two', null] } }), event('B', { ok: true })];
      const result = await store.append(id, events, 0);

      expect(result.nextVersion).toBe(2);
      const read = await store.readStream(id);
      expect(read).toEqual(result.events);
      expect(read.map(({ id, type, data, metadata, streamId, version }) => ({ id, type, data, metadata, streamId, version }))).toEqual(
        events.map((e, i) => ({ ...e, streamId: id, version: i + 1 })),
      );
    });

    it("stamps recordedAt from the store's clock", async () => {
      const id = stream();
      await store.append(id, [event()], 0);
      clock.advance(60_000);
      await store.append(id, [event()], 1);
      expect((await store.readStream(id)).map((e) => e.recordedAt)).toEqual(['2026-11-23T12:00:00.000Z', '2026-11-23T12:01:00.000Z']);
    });

    it('chains each event to the previous one by SHA-256', async () => {
      const id = stream();
      await store.append(id, [event(), event()], 0);
      await store.append(id, [event()], 2);
      const read = await store.readStream(id);
      expect(read[0].prevHash).toBeNull();
      read.forEach((stored: StoredEvent, index) => {
        expect(stored.hash).toBe(hashEvent(stored));
        if (index > 0) expect(stored.prevHash).toBe(read[index - 1].hash);
      });
    });

    it('reads a stream from a version on', async () => {
      const id = stream();
      await store.append(id, [event(), event(), event()], 0);
      expect((await store.readStream(id, { fromVersion: 2 })).map((e) => e.version)).toEqual([2, 3]);
    });

    it('reads an unknown stream as empty', async () => {
      expect(await store.readStream(stream())).toEqual([]);
    });

    it('reads only the stream asked for', async () => {
      const [a, b] = [stream(), stream()];
      await store.append(a, [event('InA')], 0);
      await store.append(b, [event('InB')], 0);
      expect((await store.readStream(a)).map((e) => e.type)).toEqual(['InA']);
    });
  });

  describe('optimistic concurrency, enforced by the store', () => {
    it('refuses an append at a stale version, saying the current one, and writes nothing', async () => {
      const id = stream();
      await store.append(id, [event(), event()], 0);
      const attempt = store.append(id, [event()], 1);
      await expect(attempt).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await expect(attempt).rejects.toMatchObject({ expectedVersion: 1, currentVersion: 2 });
      expect(await store.readStream(id)).toHaveLength(2);
    });

    it('refuses to create a stream that exists', async () => {
      const id = stream();
      await store.append(id, [event()], 0);
      await expect(store.append(id, [event()], 0)).rejects.toMatchObject({ currentVersion: 1 });
    });

    it('refuses an expected version ahead of the stream, so no gap can open', async () => {
      const id = stream();
      await store.append(id, [event()], 0);
      await expect(store.append(id, [event()], 3)).rejects.toMatchObject({ currentVersion: 1 });
      await expect(store.append(stream(), [event()], 1)).rejects.toMatchObject({ currentVersion: 0 });
    });

    it('lets exactly one of 20 concurrent appends at the same version win', async () => {
      const id = stream();
      await store.append(id, [event()], 0);
      const results = await Promise.allSettled(Array.from({ length: 20 }, () => store.append(id, [event(), event()], 1)));
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(19);
      lost.forEach((r) => expect(r.reason).toBeInstanceOf(WrongExpectedVersionError));
      expect((await store.readStream(id)).map((e) => e.version)).toEqual([1, 2, 3]);
    });

    it("appends at any version when asked to, still numbering in order", async () => {
      const id = stream();
      await store.append(id, [event()], 'any');
      await store.append(id, [event()], 'any');
      expect((await store.readStream(id)).map((e) => e.version)).toEqual([1, 2]);
    });
  });

  describe('readAll', () => {
    it('returns every event of every stream in global order, with increasing positions', async () => {
      const [a, b] = [stream(), stream()];
      await store.append(a, [event('A1')], 0);
      await store.append(b, [event('B1'), event('B2')], 0);
      await store.append(a, [event('A2')], 1);
      const all = await readEverything(store, 1000);
      expect(all.map((e) => e.type)).toEqual(['A1', 'B1', 'B2', 'A2']);
      const positions = all.map((e) => e.globalPosition);
      expect([...positions].sort((x, y) => x - y)).toEqual(positions);
      expect(new Set(positions).size).toBe(4);
    });

    it('pages through the store, each event exactly once', async () => {
      for (let i = 0; i < 7; i++) await store.append(stream(), [event('E', { i }), event('E', { i })], 0);
      const all = await readEverything(store, 3);
      expect(all).toHaveLength(14);
      expect(new Set(all.map((e) => e.id)).size).toBe(14);
    });

    it('keeps its checkpoint when there is nothing more to read', async () => {
      await store.append(stream(), [event()], 0);
      const first = await store.readAll({ limit: 10 });
      const next = await store.readAll({ after: first.checkpoint, limit: 10 });
      expect(next).toEqual({ events: [], checkpoint: first.checkpoint });
    });
  });

  describe('subscribe', () => {
    it('delivers what is stored, then what is appended, in order and once each', async () => {
      const id = stream();
      await store.append(id, [event('Before')], 0);
      const seen: GlobalEvent[] = [];
      const subscription = store.subscribe((e) => void seen.push(e));
      await until(() => seen.length === 1, 'the stored event');
      await store.append(id, [event('After1'), event('After2')], 1);
      await until(() => seen.length === 3, 'the new events');
      await subscription.stop();
      expect(seen.map((e) => e.type)).toEqual(['Before', 'After1', 'After2']);
      expect(subscription.checkpoint).toBe(seen[2].checkpoint);
    });

    it('sees each event exactly once under concurrent writers', async () => {
      const seen: GlobalEvent[] = [];
      const subscription = store.subscribe((e) => void seen.push(e));
      const writers = Array.from({ length: 8 }, async () => {
        const id = stream();
        for (let version = 0; version < 15; version++) await store.append(id, [event('W', { version })], version);
      });
      await Promise.all(writers);
      await until(() => seen.length >= 120, '120 events');
      await new Promise((resolve) => setTimeout(resolve, 200)); // room for a duplicate to show up
      await subscription.stop();
      expect(seen).toHaveLength(120);
      expect(new Set(seen.map((e) => e.id)).size).toBe(120);
      const byStream = new Map<string, number[]>();
      for (const e of seen) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e.version]);
      for (const versions of byStream.values()) expect(versions).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    });

    it('resumes after a checkpoint without repeating anything', async () => {
      const id = stream();
      await store.append(id, [event('One'), event('Two')], 0);
      const first: GlobalEvent[] = [];
      const a = store.subscribe((e) => void first.push(e));
      await until(() => first.length === 2, 'two events');
      await a.stop();
      await store.append(id, [event('Three')], 2);
      const second: GlobalEvent[] = [];
      const b = store.subscribe((e) => void second.push(e), { after: a.checkpoint });
      await until(() => second.length === 1, 'the third event');
      await b.stop();
      expect(second.map((e) => e.type)).toEqual(['Three']);
    });

    it('stops at an event its handler fails on, reporting the error, so it can resume there', async () => {
      await store.append(stream(), [event('Fine'), event('Poison'), event('Later')], 0);
      const errors: unknown[] = [];
      const handled: string[] = [];
      const subscription = store.subscribe(
        (e) => {
          if (e.type === 'Poison') throw new Error('cannot handle');
          handled.push(e.type);
        },
        { onError: (error) => errors.push(error) },
      );
      await until(() => errors.length === 1, 'the handler error');
      await subscription.stop();
      expect(handled).toEqual(['Fine']);
      const resumed = await store.readAll({ after: subscription.checkpoint, limit: 10 });
      expect(resumed.events.map((e) => e.type)).toEqual(['Poison', 'Later']);
    });
  });

  describe('subscribeToPages and countAfter', () => {
    it('hands over whole pages in order, each event once, and resumes after the last page', async () => {
      for (let i = 0; i < 5; i++) await store.append(stream(), [event('P', { i }), event('P', { i })], 0);
      const pages: GlobalEvent[][] = [];
      const subscription = store.subscribeToPages((page) => void pages.push(page), { pageSize: 4 });
      await until(() => pages.flat().length === 10, 'ten events');
      expect(subscription.health).toMatchObject({ stopped: false, caughtUp: true, consecutiveReadFailures: 0, lastError: null });
      await subscription.stop();
      expect(pages.map((page) => page.length)).toEqual([4, 4, 2]);
      expect(new Set(pages.flat().map((e) => e.id)).size).toBe(10);
      expect(subscription.checkpoint).toBe(pages[2][1].checkpoint);
    });

    it('stops at a page its handler fails on, keeping the checkpoint before it', async () => {
      await store.append(stream(), [event('A'), event('B'), event('C')], 0);
      const errors: unknown[] = [];
      const subscription = store.subscribeToPages(
        (page) => {
          if (page.some((e) => e.type === 'C')) throw new Error('cannot apply');
        },
        { pageSize: 2, onError: (error) => errors.push(error) },
      );
      await subscription.done;
      expect(errors).toHaveLength(1);
      const page = await store.readAll({ limit: 2 });
      expect(subscription.checkpoint).toBe(page.checkpoint);
      expect(subscription.health).toMatchObject({ stopped: true, lastError: 'cannot apply' });
    });

    it('counts the events a reader at a checkpoint has yet to read', async () => {
      expect(await store.countAfter(null)).toBe(0);
      await store.append(stream(), [event(), event(), event()], 0);
      await store.append(stream(), [event()], 0);
      expect(await store.countAfter(null)).toBe(4);
      const first = await store.readAll({ limit: 1 });
      expect(await store.countAfter(first.checkpoint)).toBe(3);
      const all = await store.readAll({ limit: 10 });
      expect(await store.countAfter(all.checkpoint)).toBe(0);
    });

    it('gives the head checkpoint, from which a reader sees only what comes next', async () => {
      expect(await store.headCheckpoint()).toBeNull();
      await store.append(stream(), [event('Old'), event('Old')], 0);
      const head = await store.headCheckpoint();
      expect(await store.countAfter(head)).toBe(0);
      await store.append(stream(), [event('New')], 0);
      expect((await store.readAll({ after: head })).events.map((e) => e.type)).toEqual(['New']);
    });

    it('refuses a checkpoint it never wrote, loudly, instead of stalling on it', async () => {
      await store.append(stream(), [event()], 0);
      await expect(store.readAll({ after: 'not-a-checkpoint' })).rejects.toThrow(InvalidCheckpointError);
      const errors: unknown[] = [];
      const subscription = store.subscribe(() => undefined, { after: 'not-a-checkpoint', onError: (error) => errors.push(error) });
      await subscription.done;
      expect(errors[0]).toBeInstanceOf(InvalidCheckpointError);
      expect(subscription.health.stopped).toBe(true);
    });
  });

  describe('idempotency keys', () => {
    const claimOf = (key: string, requestHash = 'hash-1') => ({ scope: 'user-1', key, requestHash, now: clock.now(), leaseMs: 10_000 });
    const outcome = { answer: 'created', view: { id: 'x', version: 1 } };

    it('keeps the outcome with the append, and gives it back to a later claim', async () => {
      const key = randomUUID();
      const claim = await store.claim(claimOf(key));
      if (claim.kind !== 'claimed') throw new Error(`expected a claim, got ${claim.kind}`);
      await store.append(stream(), [event()], 0, { idempotency: { scope: 'user-1', key, claimToken: claim.token, outcome } });
      expect(await store.claim(claimOf(key))).toEqual({ kind: 'completed', requestHash: 'hash-1', outcome });
    });

    it('tells a second request that the first is still running, whatever its body', async () => {
      const key = randomUUID();
      expect((await store.claim(claimOf(key))).kind).toBe('claimed');
      expect(await store.claim(claimOf(key))).toEqual({ kind: 'in-progress', requestHash: 'hash-1' });
      expect(await store.claim(claimOf(key, 'hash-2'))).toEqual({ kind: 'in-progress', requestHash: 'hash-1' });
    });

    it('scopes keys to their caller', async () => {
      const key = randomUUID();
      expect((await store.claim(claimOf(key))).kind).toBe('claimed');
      expect((await store.claim({ ...claimOf(key), scope: 'user-2' })).kind).toBe('claimed');
    });

    it('frees a released claim for a retry', async () => {
      const key = randomUUID();
      const claim = await store.claim(claimOf(key));
      if (claim.kind !== 'claimed') throw new Error('expected a claim');
      await store.release('user-1', key, claim.token);
      expect((await store.claim(claimOf(key))).kind).toBe('claimed');
    });

    it('lets a retry take over a claim whose holder died, and refuses the dead holder its append', async () => {
      const key = randomUUID();
      const dead = await store.claim(claimOf(key));
      if (dead.kind !== 'claimed') throw new Error('expected a claim');
      clock.advance(10_001);
      const retry = await store.claim(claimOf(key));
      expect(retry.kind).toBe('claimed');

      const id = stream();
      const late = store.append(id, [event()], 0, { idempotency: { scope: 'user-1', key, claimToken: dead.token, outcome } });
      await expect(late).rejects.toBeInstanceOf(IdempotencyClaimLostError);
      expect(await store.readStream(id)).toEqual([]);
    });

    it('keeps the claim pending when the append fails', async () => {
      const key = randomUUID();
      const claim = await store.claim(claimOf(key));
      if (claim.kind !== 'claimed') throw new Error('expected a claim');
      const id = stream();
      await store.append(id, [event()], 0);
      await expect(
        store.append(id, [event()], 0, { idempotency: { scope: 'user-1', key, claimToken: claim.token, outcome } }),
      ).rejects.toBeInstanceOf(WrongExpectedVersionError);
      expect((await store.claim(claimOf(key))).kind).toBe('in-progress');
    });
  });

  describe('unique keys', () => {
    it('finds a stream by a key its append took', async () => {
      const id = stream();
      await store.append(id, [event()], 0, { uniqueKeys: [{ scope: 'reference', key: 'TROW-2026-00001' }] });
      expect(await store.streamOf('reference', 'TROW-2026-00001')).toBe(id);
      expect(await store.streamOf('reference', 'TROW-2026-00002')).toBeUndefined();
      expect(await store.streamOf('another-scope', 'TROW-2026-00001')).toBeUndefined();
    });

    it('refuses a whole append whose key names another stream', async () => {
      const [first, second] = [stream(), stream()];
      const key = { scope: 'reference', key: 'TROW-2026-00007' };
      await store.append(first, [event()], 0, { uniqueKeys: [key] });
      await expect(store.append(second, [event()], 0, { uniqueKeys: [key] })).rejects.toBeInstanceOf(DuplicateKeyError);
      expect(await store.readStream(second)).toEqual([]);
      expect(await store.streamOf('reference', 'TROW-2026-00007')).toBe(first);
    });

    it('lets one of 10 concurrent appends to different streams take a key', async () => {
      const key = { scope: 'reference', key: 'TROW-2026-00009' };
      const results = await Promise.allSettled(Array.from({ length: 10 }, () => store.append(stream(), [event()], 0, { uniqueKeys: [key] })));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      results.filter((r) => r.status === 'rejected').forEach((r) => expect((r as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateKeyError));
    });

    it('lets a stream append again under a key it already holds', async () => {
      const id = stream();
      const key = { scope: 'reference', key: 'TROW-2026-00011' };
      await store.append(id, [event()], 0, { uniqueKeys: [key] });
      await store.append(id, [event()], 1, { uniqueKeys: [key] });
      expect(await store.readStream(id)).toHaveLength(2);
    });
  });

  describe('appends in flight together', () => {
    // A store may commit appends that arrive together in one transaction (group commit): each
    // must still succeed or fail on its own, as if it had been committed alone.
    const statuses = (results: PromiseSettledResult<unknown>[]) => results.map((r) => r.status);
    const reasonOf = (result: PromiseSettledResult<unknown>) => (result as PromiseRejectedResult).reason as unknown;
    const withoutPosition = (e: AppendedEvent) => ({ ...e, globalPosition: undefined });
    const expectIntactChain = (events: readonly StoredEvent[]) => {
      expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
      events.forEach((e, i) => {
        expect(e.hash).toBe(hashEvent(e));
        expect(e.prevHash).toBe(i === 0 ? null : events[i - 1].hash);
      });
    };

    it('commits 32 appends to 32 streams started together, each readable as appended', async () => {
      const ids = Array.from({ length: 32 }, stream);
      const appended = ids.map((_, i) => [event('First', { i }), event('Second', { i })]);
      const results = await Promise.all(ids.map((id, i) => store.append(id, appended[i], 0)));
      for (const [i, id] of ids.entries()) {
        expect(results[i].nextVersion).toBe(2);
        const read = await store.readStream(id);
        expect(read.map(({ id, type, data }) => ({ id, type, data }))).toEqual(appended[i].map(({ id, type, data }) => ({ id, type, data })));
        expect(read.map(withoutPosition)).toEqual(results[i].events.map(withoutPosition)); // a position is optional in a result
        expectIntactChain(read);
      }
    });

    it('fails only the append whose expected version is stale, of 16 in flight together, writing nothing of it', async () => {
      const ids = Array.from({ length: 16 }, stream);
      await store.append(ids[5], [event(), event()], 0);
      const results = await Promise.allSettled(ids.map((id, i) => store.append(id, [event('E', { i })], i === 5 ? 1 : 0)));
      expect(statuses(results)).toEqual(ids.map((_, i) => (i === 5 ? 'rejected' : 'fulfilled')));
      expect(reasonOf(results[5])).toBeInstanceOf(WrongExpectedVersionError);
      expect(reasonOf(results[5])).toMatchObject({ expectedVersion: 1, currentVersion: 2 });
      for (const [i, id] of ids.entries()) expect((await store.readStream(id)).map((e) => e.data)).toEqual(i === 5 ? [{ n: 1 }, { n: 1 }] : [{ i }]);
    });

    it('fails only the append whose unique key another stream holds, taking none of its keys', async () => {
      const holder = stream();
      const taken = { scope: 'reference', key: `TAKEN-${randomUUID()}` };
      await store.append(holder, [event()], 0, { uniqueKeys: [taken] });
      const ids = Array.from({ length: 16 }, stream);
      const keys = ids.map(() => ({ scope: 'reference', key: randomUUID() }));
      const results = await Promise.allSettled(
        ids.map((id, i) => store.append(id, [event()], 0, { uniqueKeys: i === 9 ? [keys[i], taken] : [keys[i]] })),
      );
      expect(statuses(results)).toEqual(ids.map((_, i) => (i === 9 ? 'rejected' : 'fulfilled')));
      expect(reasonOf(results[9])).toBeInstanceOf(DuplicateKeyError);
      expect(reasonOf(results[9])).toMatchObject(taken);
      expect(await store.readStream(ids[9])).toEqual([]);
      expect(await store.streamOf(keys[9].scope, keys[9].key)).toBeUndefined(); // taken before the clash, then undone
      expect(await store.streamOf(taken.scope, taken.key)).toBe(holder);
      for (const [i, id] of ids.entries()) if (i !== 9) expect(await store.streamOf(keys[i].scope, keys[i].key)).toBe(id);
    });

    it('lets exactly one of two appends to a stream at the same version win, while the others in flight commit', async () => {
      const contested = stream();
      await store.append(contested, [event('Created')], 0);
      const others = Array.from({ length: 14 }, stream);
      const first = [event('FromA'), event('FromA')];
      const second = [event('FromB')];
      const results = await Promise.allSettled([
        store.append(contested, first, 1),
        ...others.map((id) => store.append(id, [event()], 0)),
        store.append(contested, second, 1),
      ]);
      const [a, b] = [results[0], results[results.length - 1]];
      expect([a.status, b.status].sort()).toEqual(['fulfilled', 'rejected']);
      expect(reasonOf(a.status === 'rejected' ? a : b)).toBeInstanceOf(WrongExpectedVersionError);
      expect(statuses(results.slice(1, -1))).toEqual(others.map(() => 'fulfilled'));
      const winner = a.status === 'fulfilled' ? first : second;
      const read = await store.readStream(contested);
      expect(read.map((e) => e.id)).toEqual([read[0].id, ...winner.map((e) => e.id)]);
      expectIntactChain(read);
      for (const id of others) expect(await store.readStream(id)).toHaveLength(1);
    });

    it('fails only the append whose idempotency claim was lost, appending nothing of it and completing nothing', async () => {
      const claimOf = (key: string) => ({ scope: 'user-1', key, requestHash: 'hash-1', now: clock.now(), leaseMs: 10_000 });
      const outcome = { answer: 'created' };
      const lostKey = randomUUID();
      const dead = await store.claim(claimOf(lostKey));
      if (dead.kind !== 'claimed') throw new Error(`expected a claim, got ${dead.kind}`);
      clock.advance(10_001);
      expect((await store.claim(claimOf(lostKey))).kind).toBe('claimed'); // a retry took it over
      const liveKey = randomUUID();
      const live = await store.claim(claimOf(liveKey));
      if (live.kind !== 'claimed') throw new Error(`expected a claim, got ${live.kind}`);
      const uniqueKey = { scope: 'reference', key: randomUUID() };

      const ids = Array.from({ length: 16 }, stream);
      const results = await Promise.allSettled(
        ids.map((id, i) =>
          store.append(
            id,
            [event()],
            0,
            i === 4
              ? { uniqueKeys: [uniqueKey], idempotency: { scope: 'user-1', key: lostKey, claimToken: dead.token, outcome } }
              : i === 11
                ? { idempotency: { scope: 'user-1', key: liveKey, claimToken: live.token, outcome } }
                : {},
          ),
        ),
      );
      expect(statuses(results)).toEqual(ids.map((_, i) => (i === 4 ? 'rejected' : 'fulfilled')));
      expect(reasonOf(results[4])).toBeInstanceOf(IdempotencyClaimLostError);
      expect(await store.readStream(ids[4])).toEqual([]);
      expect(await store.streamOf(uniqueKey.scope, uniqueKey.key)).toBeUndefined();
      expect(await store.claim(claimOf(lostKey))).toEqual({ kind: 'in-progress', requestHash: 'hash-1' });
      expect(await store.claim(claimOf(liveKey))).toEqual({ kind: 'completed', requestHash: 'hash-1', outcome });
      for (const [i, id] of ids.entries()) if (i !== 4) expect(await store.readStream(id)).toHaveLength(1);
    });

    it('reads appends in flight together back from readAll in an order consistent with each stream', async () => {
      const ids = Array.from({ length: 4 }, stream);
      for (const id of ids) await store.append(id, [event('Created')], 0);
      // Six appends to each stream at once, at any version, and one bound to fail among them.
      const failing = 13;
      const results = await Promise.allSettled(
        Array.from({ length: 24 }, (_, i) => store.append(ids[i % 4], [event('E', { i }), event('E', { i })], i === failing ? 999 : 'any')),
      );
      expect(statuses(results)).toEqual(results.map((_, i) => (i === failing ? 'rejected' : 'fulfilled')));
      expect(reasonOf(results[failing])).toBeInstanceOf(WrongExpectedVersionError);

      const all = await readEverything(store, 7);
      expect(all).toHaveLength(4 + 23 * 2);
      expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
      for (const [k, id] of ids.entries()) {
        const inReadAll = all.filter((e) => e.streamId === id);
        const read = await store.readStream(id);
        expect(inReadAll.map((e) => e.id)).toEqual(read.map((e) => e.id)); // versions ascend in global order
        expectIntactChain(read);
        expect(read).toHaveLength(1 + 2 * (k === failing % 4 ? 5 : 6));
      }
      // Each append's two events sit together in its stream, at the versions its result gave.
      for (const result of results) {
        if (result.status !== 'fulfilled') continue;
        const [x, y] = result.value.events;
        expect(y.version).toBe(x.version + 1);
        const read = await store.readStream(x.streamId, { fromVersion: x.version });
        expect(read.slice(0, 2).map((e) => e.id)).toEqual([x.id, y.id]);
      }
    });
  });

  describe('sequences', () => {
    it('hands 50 concurrent callers 50 different numbers, from 1, per name', async () => {
      const numbers = await Promise.all(Array.from({ length: 50 }, () => store.next('TROW-2026')));
      expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(await store.next('SALI-2026')).toBe(1);
    });
  });
}
