import { Pool, type PoolClient } from 'pg';
import { headAfter, planAppend } from '../appendPlan';
import type { AuditSource, AuditSourceProvider } from '../auditSource.port';
import { systemClock, type Clock } from '../clock';
import { DuplicateKeyError, IdempotencyClaimLostError, WrongExpectedVersionError } from '../errors';
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
import { claimIdempotencyKey } from '../idempotencyClaim';
import type { SequenceStore } from '../sequence.port';
import type { UniqueKeyStore } from '../uniqueKey.port';
import { SubscriptionHub } from '../subscriptionHub';
import { PostgresAuditSource } from './postgresAuditSource';
import { PostgresIdempotencyRows } from './postgresIdempotencyRows';
import type { PersonalKeyStore, SubjectKey, SubjectKeyRequest } from '../personalKeys.port';
import { PostgresPersonalKeys, shredPostgresPersonalKeys } from './postgresPersonalKeys';
import { PostgresListener } from './postgresListener';
import { checkpointOf, EVENT_COLUMNS, type EventRow, parseCheckpoint, toStoredEvent } from './postgresRows';
import { createSchema, type PostgresTables, tablesOf } from './postgresSchema';
import { GroupCommit } from '../groupCommit';
import { HeadCache } from '../headCache';
import { PostgresBatchAppend } from './postgresBatchAppend';
import { PostgresAppendNotifier } from './postgresAppendNotifier';
import { refuseTransactionIdsAhead } from './postgresTransactionIdGuard';
import type { CompanionWrites } from '../companionWrites.port';
import { PostgresCompanionWrites } from './postgresCompanionWrites';

export interface PostgresEventStoreOptions {
  readonly connectionString: string;
  /** The schema holding the store's tables; several stores may share a database. */
  readonly schema?: string;
  readonly clock?: Clock;
  readonly pollMs?: number;
  readonly poolSize?: number;
  /** The audit's secret for sealing stream heads (AuditKeys.deriveSecret('stream-head-seal')); unsealed without it. */
  readonly headSealKey?: Buffer;
  /** Batches of appends committing at once (group commit; default half the pool). */
  readonly maxBatchesInFlight?: number;
}


/**
 * The production store (pg). Several processes may append at once: appends are batched (group
 * commit) into append_batch, which takes each stream's lock before any write and checks the head
 * the client planned on; the unique (stream, version) key is the final guard.
 */
export class PostgresEventStore implements EventStore, IdempotencyStore, SequenceStore, UniqueKeyStore, AuditSourceProvider, PersonalKeyStore {
  private readonly subscriptions: SubscriptionHub;
  private readonly personalKeys: PostgresPersonalKeys;
  private readonly listener: PostgresListener;
  private readonly idempotencyRows: PostgresIdempotencyRows;
  private readonly heads = new HeadCache();
  private readonly groupCommit: GroupCommit;
  private readonly notifier: PostgresAppendNotifier;

  private constructor(
    private readonly pool: Pool,
    private readonly table: PostgresTables,
    connectionString: string,
    private readonly clock: Clock,
    pollMs: number,
    private readonly headSealKey: Buffer | undefined,
    maxInFlight: number,
  ) {
    this.subscriptions = new SubscriptionHub((page) => this.readAll(page), pollMs);
    this.notifier = new PostgresAppendNotifier(pool, table.channel, this.subscriptions.signal);
    const batches = new PostgresBatchAppend(pool, table, clock, this.heads, headSealKey, this.notifier);
    this.groupCommit = new GroupCommit(batches.commit, { maxBatch: 256, maxInFlight });
    this.listener = new PostgresListener(connectionString, table.channel, this.subscriptions.signal, pollMs);
    this.idempotencyRows = new PostgresIdempotencyRows(pool, table.idempotency);
    this.personalKeys = new PostgresPersonalKeys(pool, table.personalKeys);
  }

  /** Connects, creates the schema if it is missing, and starts listening for appends. */
  static async connect(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const schema = options.schema ?? 'public';
    const table = tablesOf(schema);
    const pollMs = options.pollMs ?? 500;
    const pool = new Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10 });
    pool.on('error', () => undefined); // an idle client dropped by the server; the pool replaces it
    try {
      await createSchema(pool, schema);
      // A dump restored onto another server would hide new events from every reader: refused.
      await refuseTransactionIdsAhead(pool, table);
      const poolSize = options.poolSize ?? 10;
      // Half the pool commits batches; the rest is left for reads and idempotency claims.
      const maxInFlight = options.maxBatchesInFlight ?? Math.max(1, Math.floor(poolSize / 2));
      const store = new PostgresEventStore(pool, table, options.connectionString, options.clock ?? systemClock, pollMs, options.headSealKey, maxInFlight);
      await store.listener.start();
      return store;
    } catch (error) {
      await pool.end();
      throw error;
    }
  }

  /**
   * Appends arriving together are committed together: one statement, one transaction, one WAL
   * flush for the batch (see GroupCommit, PostgresBatchAppend and append_batch).
   */
  async append(streamId: string, events: NewEvent[], expectedVersion: ExpectedVersion, options: AppendOptions = {}): Promise<AppendResult> {
    const appended = await this.groupCommit.append({ streamId, events, expectedVersion, options });
    // Outside the transaction, as VACUUM must be: the erased keys' dead rows are reclaimed.
    if (options.shredSubjects?.length) await this.personalKeys.vacuum();
    return appended;
  }

  /**
   * One append's statements on a client already inside a transaction, for tests that hold a
   * transaction open across other appends. It takes the stream's lock as append_batch does,
   * before it writes anything.
   */
  async appendWith(
    client: PoolClient,
    streamId: string,
    events: NewEvent[],
    expectedVersion: ExpectedVersion,
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const { streams, events: eventsTable, idempotency } = this.table;
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [streamId]);
    if (expectedVersion === 0 || expectedVersion === 'any') {
      // A head row to lock; a concurrent creator's row makes this wait, then do nothing.
      await client.query(`INSERT INTO ${streams} (stream_id, version) VALUES ($1, 0) ON CONFLICT DO NOTHING`, [streamId]);
    }
    const head = await client.query<{ version: number; last_hash: string | null; last_recorded_at: string | null }>(
      `SELECT version, last_hash, last_recorded_at FROM ${streams} WHERE stream_id = $1 FOR UPDATE`,
      [streamId],
    );
    const { version, last_hash, last_recorded_at } = head.rows[0] ?? { version: 0, last_hash: null, last_recorded_at: null };
    const planned = planAppend(streamId, { version, lastHash: last_hash, lastRecordedAt: last_recorded_at }, events, expectedVersion, this.clock.now());
    if (planned.length === 0) return { nextVersion: version, events: [] };
    for (const { scope, key } of options.uniqueKeys ?? []) await this.takeKey(client, scope, key, streamId);
    // After the stream head's lock (taken above): every append locks in the same order.
    if (options.shredSubjects?.length) await shredPostgresPersonalKeys(client, this.table.personalKeys, options.shredSubjects);

    const inserted = await client
      .query<{ global_position: string; version: number }>(
        `INSERT INTO ${eventsTable} (event_id, stream_id, version, type, data, metadata, recorded_at, prev_hash, hash)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::jsonb[], $6::jsonb[], $7::text[], $8::text[], $9::text[])
         RETURNING global_position, version`,
        [
          planned.map((e) => e.id),
          planned.map(() => streamId),
          planned.map((e) => e.version),
          planned.map((e) => e.type),
          planned.map((e) => JSON.stringify(e.data)),
          planned.map((e) => JSON.stringify(e.metadata)),
          planned.map((e) => e.recordedAt),
          planned.map((e) => e.prevHash),
          planned.map((e) => e.hash),
        ],
      )
      .catch(async (error: { code?: string; constraint?: string }) => {
        // The head lock makes this unreachable; the key is still the last word if it is not.
        if (error.code === '23505' && error.constraint?.includes('stream_id_version')) {
          throw new WrongExpectedVersionError(streamId, expectedVersion, version);
        }
        throw error;
      });
    const positions = new Map(inserted.rows.map((row) => [row.version, Number(row.global_position)]));
    const last = planned[planned.length - 1];
    const newHead = headAfter(streamId, planned, this.headSealKey)!;
    await client.query(`UPDATE ${streams} SET version = $2, last_hash = $3, last_recorded_at = $4, seal = $5 WHERE stream_id = $1`, [
      streamId,
      newHead.version,
      newHead.lastHash,
      newHead.lastRecordedAt,
      newHead.seal,
    ]);

    const completion = options.idempotency;
    if (completion) {
      const completed = await client.query(
        `UPDATE ${idempotency} SET response_body = $4, completed_at = $5
         WHERE scope = $1 AND key = $2 AND claim_token = $3 AND completed_at IS NULL`,
        // completed_at by the store's clock, as claimed_at is: expiry compares the two with it.
        [completion.scope, completion.key, completion.claimToken, JSON.stringify(completion.outcome ?? null), last.recordedAt],
      );
      if (completed.rowCount !== 1) throw new IdempotencyClaimLostError(completion.scope, completion.key);
    }
    await client.query('SELECT pg_notify($1, $2)', [this.table.channel, streamId]);
    return {
      nextVersion: last.version,
      events: planned.map((event) => ({ ...event, globalPosition: positions.get(event.version)! })),
    };
  }

  async readStream(streamId: string, options: { fromVersion?: number } = {}): Promise<StoredEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.table.events} WHERE stream_id = $1 AND version >= $2 ORDER BY version`,
      [streamId, options.fromVersion ?? 1],
    );
    const last = rows.at(-1);
    // What a command reads it appends after: its plan needs no head read then.
    if (last) this.heads.set(streamId, { version: last.version, lastHash: last.hash, lastRecordedAt: last.recorded_at });
    return rows.map(toStoredEvent);
  }

  /**
   * Events in commit-safe order. Positions come from a sequence, so a transaction that began
   * first may commit after one that began later with a higher position; reading by position
   * alone would skip its events. So rows are ordered by (writing transaction, position) and
   * only rows of transactions older than the oldest one still in flight are read: anything
   * that could still commit before them has committed. The checkpoint is that pair.
   */
  async readAll(options: { after?: Checkpoint | null; limit?: number } = {}): Promise<ReadAllPage> {
    const [transactionId, position] = parseCheckpoint(options.after);
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.table.events}
       WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
         AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY ${this.table.events}.transaction_id, ${this.table.events}.global_position
       LIMIT $3`,
      [transactionId, position, options.limit ?? 1000],
    );
    const events: GlobalEvent[] = rows.map((row) => ({ ...toStoredEvent(row), checkpoint: checkpointOf(row) }));
    return { events, checkpoint: events.at(-1)?.checkpoint ?? options.after ?? null };
  }

  subscribe(handler: EventHandler, options: SubscribeOptions = {}): Subscription {
    return this.subscriptions.subscribe(handler, options);
  }

  subscribeToPages(handler: PageHandler, options: SubscribeOptions = {}): Subscription {
    return this.subscriptions.subscribeToPages(handler, options);
  }

  /** The last row readers may read now, in their (transaction, position) order. */
  async headCheckpoint(): Promise<Checkpoint | null> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.table.events}
       WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY ${this.table.events}.transaction_id DESC, ${this.table.events}.global_position DESC LIMIT 1`,
    );
    return rows[0] ? checkpointOf(rows[0]) : null;
  }

  /** Counts committed events past the checkpoint, in the readers' (transaction, position) order. */
  async countAfter(after: Checkpoint | null): Promise<number> {
    const [transactionId, position] = parseCheckpoint(after);
    const { rows } = await this.pool.query<{ count: string }>(
      `SELECT count(*) AS count FROM ${this.table.events} WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)`,
      [transactionId, position],
    );
    return Number(rows[0].count);
  }

  async claim(claim: IdempotencyClaim): Promise<ClaimResult> {
    return claimIdempotencyKey(this.idempotencyRows, claim);
  }

  async release(scope: string, key: string, token: string): Promise<void> {
    await this.idempotencyRows.release(scope, key, token);
  }

  async streamOf(scope: string, key: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ stream_id: string }>(`SELECT stream_id FROM ${this.table.uniqueKeys} WHERE scope = $1 AND key = $2`, [
      scope,
      key,
    ]);
    return rows[0]?.stream_id;
  }

  async subjectKeyFor(request: SubjectKeyRequest): Promise<SubjectKey> {
    return this.personalKeys.subjectKeyFor(request);
  }

  async subjectKeys(subjectIds: readonly string[]): Promise<Map<string, Buffer>> {
    return this.personalKeys.subjectKeys(subjectIds);
  }

  async next(name: string): Promise<number> {
    const { rows } = await this.pool.query<{ value: string }>(
      `INSERT INTO ${this.table.sequences} AS s (name, value) VALUES ($1, 1)
       ON CONFLICT (name) DO UPDATE SET value = s.value + 1 RETURNING value`,
      [name],
    );
    return Number(rows[0].value);
  }

  /** Takes a unique key for the stream; a concurrent taker waits for this one's commit, then finds it taken. */
  private async takeKey(client: PoolClient, scope: string, key: string, streamId: string): Promise<void> {
    const { uniqueKeys } = this.table;
    const taken = await client.query(`INSERT INTO ${uniqueKeys} (scope, key, stream_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [scope, key, streamId]);
    if (taken.rowCount === 1) return;
    const { rows } = await client.query<{ stream_id: string }>(`SELECT stream_id FROM ${uniqueKeys} WHERE scope = $1 AND key = $2`, [scope, key]);
    if (rows[0]?.stream_id !== streamId) throw new DuplicateKeyError(scope, key);
  }

  /** The auditors' raw reads on this schema (heads with seals, unique keys, sequences). */
  auditSource(): AuditSource {
    return new PostgresAuditSource(this.pool, this.table);
  }

  /** A client for tests that need to hold a transaction open (see appendWith). */
  async connectClient(): Promise<PoolClient> {
    return this.pool.connect();
  }

  async close(): Promise<void> {
    await this.groupCommit.drained();
    await this.notifier.idle();
    await this.subscriptions.stopAll();
    await this.listener.close();
    await this.pool.end();
  }

  /** This schema as an EventStoreDB store's companion: the writes around its appends (see CompanionWrites). */
  companionWrites(): CompanionWrites {
    return new PostgresCompanionWrites(this.pool, this.table);
  }
}
