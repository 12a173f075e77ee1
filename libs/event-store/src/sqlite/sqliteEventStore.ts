import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { headAfter, planAppend, type StreamHead } from '../appendPlan';
import type { AuditSource, AuditSourceProvider } from '../auditSource.port';
import { systemClock, type Clock } from '../clock';
import { DuplicateKeyError, IdempotencyClaimLostError, InvalidCheckpointError } from '../errors';
import type {
  AppendOptions,
  AppendResult,
  Checkpoint,
  EventHandler,
  EventStore,
  ExpectedVersion,
  GlobalEvent,
  NewEvent,
  PageHandler,
  ReadAllPage,
  StoredEvent,
  SubscribeOptions,
  Subscription,
} from '../eventStore.port';
import type { ClaimResult, IdempotencyClaim, IdempotencyStore } from '../idempotency.port';
import { claimIdempotencyKey, type IdempotencyRow, type IdempotencyRows, outcomeOf } from '../idempotencyClaim';
import type { SequenceStore } from '../sequence.port';
import type { UniqueKeyStore } from '../uniqueKey.port';
import { SubscriptionHub } from '../subscriptionHub';
import type { AppendRequest } from '../groupCommit';
import { SqliteWriteBatch } from './sqliteWriteBatch';
import { toStoredEvent } from './sqliteRows';
import { SqliteAuditSource } from './sqliteAuditSource';
import { SQLITE_PRAGMAS, SQLITE_SCHEMA } from './sqliteSchema';
import { addStreamHeadColumns } from './sqliteStreamHeadColumns';
import { prepareStatements, type SqliteStatements } from './sqliteStatements';
import type { PersonalKeyStore, SubjectKey, SubjectKeyRequest } from '../personalKeys.port';
import { checkpointAfterShredding, shredSqlitePersonalKeys, SqlitePersonalKeys } from './sqlitePersonalKeys';
import type { CompanionWrites } from '../companionWrites.port';
import { SqliteCompanionWrites } from './sqliteCompanionWrites';

export interface SqliteEventStoreOptions {
  /** The database file (its folder is created if missing), or ':memory:'. */
  readonly file: string;
  readonly clock?: Clock;
  readonly pollMs?: number;
  /** How long an append waits for another process's write lock before failing as busy (ms). */
  readonly busyTimeoutMs?: number;
  /** The audit's secret for sealing stream heads (AuditKeys.deriveSecret('stream-head-seal')); unsealed without it. */
  readonly headSealKey?: Buffer;
  /** Writes committed in one transaction at most (group commit; default 256). */
  readonly maxBatch?: number;
}

/**
 * The embedded default store (better-sqlite3). One process owns the file; its appends are
 * serialised by SQLite's write lock, so global positions commit in order and a checkpoint
 * is simply the last position read.
 */
export class SqliteEventStore implements EventStore, IdempotencyStore, SequenceStore, UniqueKeyStore, AuditSourceProvider, PersonalKeyStore {
  private readonly db: Database.Database;
  private readonly personalKeys: SqlitePersonalKeys;
  private readonly clock: Clock;
  private readonly statements: SqliteStatements;
  private readonly subscriptions: SubscriptionHub;
  private readonly headSealKey: Buffer | undefined;
  private readonly writes: SqliteWriteBatch;

  constructor(options: SqliteEventStoreOptions) {
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
    this.db = new Database(options.file);
    for (const pragma of SQLITE_PRAGMAS) this.db.pragma(pragma);
    this.db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    this.db.exec(SQLITE_SCHEMA);
    addStreamHeadColumns(this.db);
    this.headSealKey = options.headSealKey;
    this.clock = options.clock ?? systemClock;
    this.statements = prepareStatements(this.db);
    this.personalKeys = new SqlitePersonalKeys(this.db);
    this.subscriptions = new SubscriptionHub((page) => this.readAll(page), options.pollMs ?? 1000);
    // One writer per file: one batch at a time, as large as what arrived while the last committed.
    this.writes = new SqliteWriteBatch(this.db, options.maxBatch ?? 256);
  }

  /**
   * Appends arriving together are committed together (group commit, see SqliteWriteBatch): one
   * IMMEDIATE transaction, one savepoint per append, so one that fails (a conflict, a taken key,
   * a lost claim) fails alone; none is answered before the commit's fsync. IMMEDIATE: the write
   * lock is taken before any head is read, so another process on the file (the CLI, a projector)
   * makes this wait or fail cleanly as busy, never read stale.
   */
  async append(streamId: string, events: NewEvent[], expectedVersion: ExpectedVersion, options: AppendOptions = {}): Promise<AppendResult> {
    const appended = await this.writes.run(() => this.appendRows({ streamId, events, expectedVersion, options }));
    if (appended.events.length > 0) this.subscriptions.signal.notify();
    if (options.shredSubjects?.length) checkpointAfterShredding(this.db);
    return appended;
  }

  /** One append's rows, inside the batch's transaction: head read, plan, keys, erasure, events, head, answer. */
  private appendRows({ streamId, events, expectedVersion, options }: AppendRequest): AppendResult {
    const row = this.statements.head.get(streamId);
    const head: StreamHead = { version: row?.version ?? 0, lastHash: row?.last_hash ?? null, lastRecordedAt: row?.last_recorded_at ?? null };
    const now = this.clock.now();
    const planned = planAppend(streamId, head, events, expectedVersion, now);
    for (const { scope, key } of options.uniqueKeys ?? []) {
      if (this.statements.takeKey.run(scope, key, streamId).changes === 0 && this.statements.streamOf.get(scope, key)?.stream_id !== streamId) {
        throw new DuplicateKeyError(scope, key);
      }
    }
    // In the append's transaction: the erasure is recorded and done together, or neither.
    if (options.shredSubjects?.length) shredSqlitePersonalKeys(this.db, options.shredSubjects);
    const stored: StoredEvent[] = planned.map((event) => {
      const { lastInsertRowid } = this.statements.insertEvent.run(
        event.id,
        streamId,
        event.version,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        event.recordedAt,
        event.prevHash,
        event.hash,
      );
      return { ...event, globalPosition: Number(lastInsertRowid) };
    });
    const last = planned.at(-1);
    const newHead = headAfter(streamId, planned, this.headSealKey);
    if (newHead) this.statements.upsertHead.run(streamId, newHead.version, newHead.lastHash, newHead.lastRecordedAt, newHead.seal);
    const completion = options.idempotency;
    if (completion) {
      const { changes } = this.statements.complete.run(
        JSON.stringify(completion.outcome ?? null),
        now.toISOString(),
        completion.scope,
        completion.key,
        completion.claimToken,
      );
      if (changes !== 1) throw new IdempotencyClaimLostError(completion.scope, completion.key);
    }
    return { nextVersion: last?.version ?? head.version, events: stored };
  }

  async readStream(streamId: string, options: { fromVersion?: number } = {}): Promise<StoredEvent[]> {
    return this.statements.readStream.all(streamId, options.fromVersion ?? 1).map(toStoredEvent);
  }

  async readAll(options: { after?: Checkpoint | null; limit?: number } = {}): Promise<ReadAllPage> {
    const after = positionOf(options.after);
    const rows = this.statements.readAll.all(after, options.limit ?? 1000);
    const events: GlobalEvent[] = rows.map((row) => ({ ...toStoredEvent(row), checkpoint: String(row.global_position) }));
    return { events, checkpoint: events.at(-1)?.checkpoint ?? options.after ?? null };
  }

  subscribe(handler: EventHandler, options: SubscribeOptions = {}): Subscription {
    return this.subscriptions.subscribe(handler, options);
  }

  subscribeToPages(handler: PageHandler, options: SubscribeOptions = {}): Subscription {
    return this.subscriptions.subscribeToPages(handler, options);
  }

  async headCheckpoint(): Promise<Checkpoint | null> {
    const head = this.statements.headPosition.get()!.position;
    return head === null ? null : String(head);
  }

  async countAfter(after: Checkpoint | null): Promise<number> {
    return this.statements.countAfter.get(positionOf(after))!.count;
  }

  async claim(claim: IdempotencyClaim): Promise<ClaimResult> {
    return claimIdempotencyKey(this.idempotencyRows, claim);
  }

  async release(scope: string, key: string, token: string): Promise<void> {
    await this.writes.run(() => this.statements.release.run(scope, key, token));
  }

  async streamOf(scope: string, key: string): Promise<string | undefined> {
    return this.statements.streamOf.get(scope, key)?.stream_id;
  }

  async subjectKeyFor(request: SubjectKeyRequest): Promise<SubjectKey> {
    return this.writes.run(() => this.personalKeys.subjectKeyInTransaction(request));
  }

  async subjectKeys(subjectIds: readonly string[]): Promise<Map<string, Buffer>> {
    return this.personalKeys.subjectKeys(subjectIds);
  }

  async next(name: string): Promise<number> {
    return this.writes.run(() => this.statements.nextSequence.get(name)!.value);
  }

  /** The auditors' raw reads on this file (heads with seals, unique keys, sequences). */
  auditSource(): AuditSource {
    return new SqliteAuditSource(this.db);
  }

  async close(): Promise<void> {
    await this.writes.drained();
    await this.subscriptions.stopAll();
    this.db.close();
  }

  private readonly idempotencyRows: IdempotencyRows = {
    insertClaim: (claim, token) =>
      this.writes.run(() => this.statements.insertClaim.run(claim.scope, claim.key, claim.requestHash, token, claim.now.toISOString()).changes === 1),
    find: async (scope, key): Promise<IdempotencyRow | undefined> => {
      const row = this.statements.findClaim.get(scope, key);
      if (!row) return undefined;
      return {
        requestHash: row.request_hash,
        token: row.claim_token,
        claimedAt: row.claimed_at,
        ...(row.completed_at !== null && { completed: outcomeOf(row.response_status, JSON.parse(row.response_body ?? 'null')) }),
      };
    },
    takeOver: (scope, key, staleToken, token, now) =>
      this.writes.run(() => this.statements.takeOver.run(token, now.toISOString(), scope, key, staleToken).changes === 1),
    deleteExpired: async (before) => {
      await this.writes.run(() => this.statements.deleteExpiredKeys.run(before.toISOString(), before.toISOString()));
    },
  };

  /** This file as an EventStoreDB store's companion: the writes around its appends (see CompanionWrites). */
  companionWrites(): CompanionWrites {
    return new SqliteCompanionWrites(this.db);
  }
}

/** SQLite's checkpoint is the last position read; anything else was not written by this store. */
function positionOf(checkpoint: Checkpoint | null | undefined): number {
  if (!checkpoint) return 0;
  if (!/^\d+$/.test(checkpoint)) throw new InvalidCheckpointError(checkpoint);
  return Number(checkpoint);
}
