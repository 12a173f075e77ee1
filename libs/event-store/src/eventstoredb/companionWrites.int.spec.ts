import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import type { CompanionWritesProvider } from '../companionWrites.port';
import { DuplicateKeyError, IdempotencyClaimLostError } from '../errors';
import type { StoreCompanion } from '../eventStoreAdapter';
import { PostgresEventStore } from '../postgres/postgresEventStore';
import { SqliteEventStore } from '../sqlite/sqliteEventStore';
import { ManualClock } from '../testing/manualClock';
import { describeWithPostgres, dropSchema, scratchSchemaName, TEST_DATABASE_URL } from '../testing/postgresTestDatabase';

type Companion = StoreCompanion & CompanionWritesProvider;
const LEASE_MS = 10_000;

/** The writes an EventStoreDB store asks of its companion, on each SQL store that can be one. */
function companionWritesContract(open: (clock: ManualClock) => Promise<{ companion: Companion; dispose(): Promise<void> }>): void {
  let clock: ManualClock;
  let companion: Companion;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    clock = new ManualClock();
    ({ companion, dispose } = await open(clock));
  });
  afterEach(() => dispose());

  const claimOf = (key: string) => ({ scope: 'user-1', key, requestHash: 'hash-1', now: clock.now(), leaseMs: LEASE_MS });
  const claimed = async (key: string) => {
    const claim = await companion.claim(claimOf(key));
    if (claim.kind !== 'claimed') throw new Error(`expected a claim, got ${claim.kind}`);
    return claim.token;
  };
  const head = (version: number) => ({ version, lastHash: `h${version}`, lastRecordedAt: '2026-11-23T12:00:00.000Z', seal: 'seal' });

  it("renews the claim's lease before the append, so no retry takes it over while the append is in flight", async () => {
    const key = randomUUID();
    const token = await claimed(key);
    clock.advance(LEASE_MS - 1_000);
    await companion.companionWrites().reserve('issue-1', { idempotency: { scope: 'user-1', key, claimToken: token, outcome: null } }, clock.now());
    clock.advance(5_000); // past the first lease, within the renewed one
    expect((await companion.claim(claimOf(key))).kind).toBe('in-progress');
  });

  it('refuses a lost claim before the append, taking none of its keys', async () => {
    const key = randomUUID();
    const dead = await claimed(key);
    clock.advance(LEASE_MS + 1);
    expect((await companion.claim(claimOf(key))).kind).toBe('claimed'); // a retry took it over
    const uniqueKey = { scope: 'reference', key: randomUUID() };
    const reserve = companion
      .companionWrites()
      .reserve('issue-2', { uniqueKeys: [uniqueKey], idempotency: { scope: 'user-1', key, claimToken: dead, outcome: null } }, clock.now());
    await expect(reserve).rejects.toBeInstanceOf(IdempotencyClaimLostError);
    expect(await companion.streamOf(uniqueKey.scope, uniqueKey.key)).toBeUndefined();
  });

  it('takes unique keys all or none, answering only those it took anew, and gives them back after a failed append', async () => {
    const writes = companion.companionWrites();
    const [held, fresh, other] = [randomUUID(), randomUUID(), randomUUID()].map((key) => ({ scope: 'reference', key }));
    await writes.reserve('issue-3', { uniqueKeys: [held] }, clock.now());
    expect(await writes.reserve('issue-3', { uniqueKeys: [held, fresh] }, clock.now())).toEqual([fresh]);

    await expect(writes.reserve('issue-4', { uniqueKeys: [other, held] }, clock.now())).rejects.toBeInstanceOf(DuplicateKeyError);
    expect(await companion.streamOf(other.scope, other.key)).toBeUndefined();

    await writes.releaseKeys('issue-3', [fresh]);
    expect(await companion.streamOf(fresh.scope, fresh.key)).toBeUndefined();
    expect(await companion.streamOf(held.scope, held.key)).toBe('issue-3');
    await writes.releaseKeys('issue-4', [held]); // not issue-4's: left alone
    expect(await companion.streamOf(held.scope, held.key)).toBe('issue-3');
  });

  it('records the outcome, the erasure and the sealed head together after the append', async () => {
    const key = randomUUID();
    const token = await claimed(key);
    const subject = await companion.subjectKeyFor({ subjectId: randomUUID(), key: randomBytes(32), lookup: null, now: clock.now() });
    const outcome = { answer: 'erased', view: { version: 3 } };
    const completed = await companion
      .companionWrites()
      .recordBesideAppend('issue-5', head(3), { idempotency: { scope: 'user-1', key, claimToken: token, outcome }, shredSubjects: [subject.subjectId] }, clock.now());
    expect(completed).toBe(true);
    expect(await companion.claim(claimOf(key))).toEqual({ kind: 'completed', requestHash: 'hash-1', outcome });
    expect((await companion.subjectKeys([subject.subjectId])).size).toBe(0);
    expect(await companion.auditSource().readStreamHeads({ after: 'issue-4', limit: 1 })).toEqual([{ streamId: 'issue-5', ...head(3) }]);
  });

  it('still records the head after the append when the claim was lost meanwhile, answering that the outcome was not kept', async () => {
    const key = randomUUID();
    const dead = await claimed(key);
    clock.advance(LEASE_MS + 1);
    await claimed(key);
    const writes = companion.companionWrites();
    expect(await writes.recordBesideAppend('issue-6', head(1), { idempotency: { scope: 'user-1', key, claimToken: dead, outcome: 'x' } }, clock.now())).toBe(false);
    expect((await companion.claim(claimOf(key))).kind).toBe('in-progress');
    expect(await companion.auditSource().readStreamHeads({ after: 'issue-5', limit: 1 })).toEqual([{ streamId: 'issue-6', ...head(1) }]);
    expect(await writes.recordBesideAppend('issue-6', head(2), {}, clock.now())).toBe(true);
    expect((await companion.auditSource().readStreamHeads({ after: 'issue-5', limit: 1 }))[0]).toMatchObject({ version: 2, lastHash: 'h2' });
  });

  it("never moves a head row back: another process's later append may have recorded first", async () => {
    const writes = companion.companionWrites();
    await writes.recordBesideAppend('issue-7', head(4), {}, clock.now());
    await writes.recordBesideAppend('issue-7', head(3), {}, clock.now());
    expect((await companion.auditSource().readStreamHeads({ after: 'issue-6', limit: 1 }))[0]).toMatchObject({ streamId: 'issue-7', version: 4, lastHash: 'h4' });
  });
}

describe('SqliteEventStore as a companion', () => {
  companionWritesContract(async (clock) => {
    const dir = mkdtempSync(join(tmpdir(), 'companion-'));
    const companion = new SqliteEventStore({ file: join(dir, 'companion.db'), clock });
    return {
      companion,
      dispose: async () => {
        await companion.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });
});

describeWithPostgres('PostgresEventStore as a companion', () => {
  companionWritesContract(async (clock) => {
    const schema = scratchSchemaName('companion');
    const companion = await PostgresEventStore.connect({ connectionString: TEST_DATABASE_URL!, schema, clock, pollMs: 50 });
    return {
      companion,
      dispose: async () => {
        await companion.close();
        await dropSchema(schema);
      },
    };
  });
});
