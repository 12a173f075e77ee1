import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { planAppend, type StreamHead } from '../appendPlan';
import { systemClock, type Clock } from '../clock';
import { IdempotencyClaimLostError } from '../errors';
import type {
  AppendOptions,
  AppendResult,
  Checkpoint,
  EventHandler,
  EventStore,
  ExpectedVersion,
  GlobalEvent,
  NewEvent,
  ReadAllPage,
  StoredEvent,
  SubscribeOptions,
  Subscription,
} from '../eventStore.port';
import type { ClaimResult, IdempotencyClaim, IdempotencyStore } from '../idempotency.port';
import { claimIdempotencyKey, type IdempotencyRow, type IdempotencyRows } from '../idempotencyClaim';
import type { SequenceStore } from '../sequence.port';
import { SubscriptionHub } from '../subscriptionHub';
import { SQLITE_PRAGMAS, SQLITE_SCHEMA } from './sqliteSchema';

export interface SqliteEventStoreOptions {
  /** The database file (its folder is created if missing), or ':memory:'. */
  readonly file: string;
  readonly clock?: Clock;
  readonly pollMs?: number;
}

interface EventRow {
  global_position: number;
  event_id: string;
  stream_id: string;
  version: number;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
  prev_hash: string | null;
  hash: string;
}

const EVENT_COLUMNS = 'global_position, event_id, stream_id, version, type, data, metadata, recorded_at, prev_hash, hash';

/**
 * The embedded default store (better-sqlite3). One process owns the file; its appends are
 * serialised by SQLite's write lock, so global positions commit in order and a checkpoint
 * is simply the last position read.
 */
export class SqliteEventStore implements EventStore, IdempotencyStore, SequenceStore {
  private readonly db: Database.Database;
  private readonly clock: Clock;
  private readonly statements;
  private readonly subscriptions: SubscriptionHub;

  constructor(options: SqliteEventStoreOptions) {
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
    this.db = new Database(options.file);
    for (const pragma of SQLITE_PRAGMAS) this.db.pragma(pragma);
    this.db.exec(SQLITE_SCHEMA);
    this.clock = options.clock ?? systemClock;
    this.statements = this.prepare();
    this.subscriptions = new SubscriptionHub((page) => this.readAll(page), options.pollMs ?? 1000);
  }

  private prepare() {
    const db = this.db;
    return {
      head: db.prepare<[string], { version: number; last_hash: string | null }>('SELECT version, last_hash FROM streams WHERE stream_id = ?'),
      upsertHead: db.prepare<[string, number, string | null]>(
        'INSERT INTO streams (stream_id, version, last_hash) VALUES (?, ?, ?) ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, last_hash = excluded.last_hash',
      ),
      insertEvent: db.prepare(
        'INSERT INTO events (event_id, stream_id, version, type, data, metadata, recorded_at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      readStream: db.prepare<[string, number], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND version >= ? ORDER BY version`,
      ),
      readAll: db.prepare<[number, number], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?`,
      ),
      insertClaim: db.prepare(
        'INSERT INTO idempotency_keys (scope, key, request_hash, claim_token, claimed_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      ),
      findClaim: db.prepare<[string, string], { request_hash: string; claim_token: string; claimed_at: string; response_status: number | null; response_body: string | null }>(
        'SELECT request_hash, claim_token, claimed_at, response_status, response_body FROM idempotency_keys WHERE scope = ? AND key = ?',
      ),
      takeOver: db.prepare(
        'UPDATE idempotency_keys SET claim_token = ?, claimed_at = ? WHERE scope = ? AND key = ? AND claim_token = ? AND response_status IS NULL',
      ),
      complete: db.prepare(
        'UPDATE idempotency_keys SET response_status = ?, response_body = ?, completed_at = ? WHERE scope = ? AND key = ? AND claim_token = ? AND response_status IS NULL',
      ),
      release: db.prepare('DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND claim_token = ? AND response_status IS NULL'),
      nextSequence: db.prepare<[string], { value: number }>(
        'INSERT INTO sequences (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value',
      ),
    };
  }

  async append(streamId: string, events: NewEvent[], expectedVersion: ExpectedVersion, options: AppendOptions = {}): Promise<AppendResult> {
    const appended = this.db.transaction(() => {
      const row = this.statements.head.get(streamId);
      const head: StreamHead = { version: row?.version ?? 0, lastHash: row?.last_hash ?? null };
      const recordedAt = this.clock.now().toISOString();
      const planned = planAppend(streamId, head, events, expectedVersion, recordedAt);
      const stored: StoredEvent[] = planned.map((event) => {
        const { lastInsertRowid } = this.statements.insertEvent.run(
          event.id,
          streamId,
          event.version,
          event.type,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
          recordedAt,
          event.prevHash,
          event.hash,
        );
        return { ...event, globalPosition: Number(lastInsertRowid) };
      });
      const last = planned.at(-1);
      if (last) this.statements.upsertHead.run(streamId, last.version, last.hash);
      const completion = options.idempotency;
      if (completion) {
        const { changes } = this.statements.complete.run(
          completion.response.status,
          JSON.stringify(completion.response.body),
          recordedAt,
          completion.scope,
          completion.key,
          completion.claimToken,
        );
        if (changes !== 1) throw new IdempotencyClaimLostError(completion.scope, completion.key);
      }
      return { nextVersion: last?.version ?? head.version, events: stored };
    })();
    if (appended.events.length > 0) this.subscriptions.signal.notify();
    return appended;
  }

  async readStream(streamId: string, options: { fromVersion?: number } = {}): Promise<StoredEvent[]> {
    return this.statements.readStream.all(streamId, options.fromVersion ?? 1).map(toStoredEvent);
  }

  async readAll(options: { after?: Checkpoint | null; limit?: number } = {}): Promise<ReadAllPage> {
    const after = options.after ? Number(options.after) : 0;
    const rows = this.statements.readAll.all(after, options.limit ?? 1000);
    const events: GlobalEvent[] = rows.map((row) => ({ ...toStoredEvent(row), checkpoint: String(row.global_position) }));
    return { events, checkpoint: events.at(-1)?.checkpoint ?? options.after ?? null };
  }

  subscribe(handler: EventHandler, options: SubscribeOptions = {}): Subscription {
    return this.subscriptions.subscribe(handler, options);
  }

  async claim(claim: IdempotencyClaim): Promise<ClaimResult> {
    return claimIdempotencyKey(this.idempotencyRows, claim);
  }

  async release(scope: string, key: string, token: string): Promise<void> {
    this.statements.release.run(scope, key, token);
  }

  async next(name: string): Promise<number> {
    return this.statements.nextSequence.get(name)!.value;
  }

  async close(): Promise<void> {
    await this.subscriptions.stopAll();
    this.db.close();
  }

  private readonly idempotencyRows: IdempotencyRows = {
    insertClaim: async (claim, token) =>
      this.statements.insertClaim.run(claim.scope, claim.key, claim.requestHash, token, claim.now.toISOString()).changes === 1,
    find: async (scope, key): Promise<IdempotencyRow | undefined> => {
      const row = this.statements.findClaim.get(scope, key);
      if (!row) return undefined;
      return {
        requestHash: row.request_hash,
        token: row.claim_token,
        claimedAt: row.claimed_at,
        response: row.response_status === null ? null : { status: row.response_status, body: JSON.parse(row.response_body ?? 'null') },
      };
    },
    takeOver: async (scope, key, staleToken, token, now) =>
      this.statements.takeOver.run(token, now.toISOString(), scope, key, staleToken).changes === 1,
  };
}

function toStoredEvent(row: EventRow): StoredEvent {
  return {
    id: row.event_id,
    streamId: row.stream_id,
    version: row.version,
    globalPosition: row.global_position,
    type: row.type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    recordedAt: row.recorded_at,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
