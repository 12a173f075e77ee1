import { BACKWARDS, END, KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { AuditSource } from '../auditSource.port';
import { systemClock, type Clock } from '../clock';
import type { CompanionWritesProvider } from '../companionWrites.port';
import type { EventStoreAdapter, StoreCompanion } from '../eventStoreAdapter';
import type {
  AppendOptions,
  AppendResult,
  Checkpoint,
  EventHandler,
  ExpectedVersion,
  NewEvent,
  PageHandler,
  ReadAllPage,
  StoredEvent,
  SubscribeOptions,
  Subscription,
} from '../eventStore.port';
import type { ClaimResult, IdempotencyClaim } from '../idempotency.port';
import type { SubjectKey, SubjectKeyRequest } from '../personalKeys.port';
import { SubscriptionHub } from '../subscriptionHub';
import { EventStoreDbAppender } from './eventStoreDbAppender';
import { EventStoreDbAppendWatcher } from './eventStoreDbAppendWatcher';
import { EventStoreDbAuditSource } from './eventStoreDbAuditSource';
import { toReadError } from './eventStoreDbErrors';
import { allFilter } from './eventStoreDbFilter';
import { EventStoreDbReader } from './eventStoreDbReader';
import { collectWithDeadline, EventStoreDbTimeoutError, withDeadline } from './withDeadline';

/** What EventStoreDB pairs with: a SQL store (SqliteEventStore, PostgresEventStore), of which only the companion's side is used. */
export type EventStoreDbCompanion = StoreCompanion & CompanionWritesProvider & { close(): Promise<void> };

/** How long a call to EventStoreDB may take before it is given up (EVENTSTORE_TIMEOUT_MS). */
export const DEFAULT_EVENTSTORE_TIMEOUT_MS = 10_000;

export interface EventStoreDbEventStoreOptions {
  /** A KurrentDB / EventStoreDB connection string (EVENTSTORE_URL), e.g. kurrentdb://admin:changeit@localhost:2113?tls=false. */
  readonly connectionString: string;
  /** Keeps what EventStoreDB has no transactions for; closed with this store. */
  readonly companion: EventStoreDbCompanion;
  readonly clock?: Clock;
  /** The audit's secret for sealing stream heads (in the companion's head rows); unsealed without it. */
  readonly headSealKey?: Buffer;
  /** The deadline of every call to the server, in ms (default 10 s). */
  readonly timeoutMs?: number;
  /** The longest wait between reads of a subscription that hears of no append (default 1 s). */
  readonly pollMs?: number;
  /**
   * Put before every stream id in EventStoreDB, for several stores on one server (as
   * DATABASE_SCHEMA on PostgreSQL), e.g. "council-a:". Default none: the stream ids as they are.
   */
  readonly streamPrefix?: string;
}

/** The server named by EVENTSTORE_URL could not be used: the message says what failed and what to check. */
export class EventStoreDbConnectError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'EventStoreDbConnectError';
  }
}

/**
 * The events in EventStoreDB (KurrentDB), one stream per issue, and what it has no transactions
 * for (idempotency records, unique keys, sequences, personal-data keys, sealed head rows) in a
 * SQL companion. Appends: see EventStoreDbAppender. Reads of the whole store go through $all
 * with a server-side filter; its checkpoint is the $all position "commit/prepare".
 * Subscriptions are the same catch-up loop as the other stores' (SubscriptionHub over readAll
 * pages), so they keep the port's semantics exactly (pages, checkpoints, stopping on a failed
 * handler, back-off on failed reads, health), woken by a live $all subscription.
 */
export class EventStoreDbEventStore implements EventStoreAdapter {
  private readonly reader: EventStoreDbReader;
  private readonly appender: EventStoreDbAppender;
  private readonly subscriptions: SubscriptionHub;
  private readonly watcher: EventStoreDbAppendWatcher;
  private readonly companion: EventStoreDbCompanion;
  private readonly timeoutMs: number;

  private constructor(
    private readonly client: KurrentDBClient,
    options: EventStoreDbEventStoreOptions,
  ) {
    const prefix = options.streamPrefix ?? '';
    const pollMs = options.pollMs ?? 1000;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_EVENTSTORE_TIMEOUT_MS;
    this.companion = options.companion;
    this.reader = new EventStoreDbReader(client, prefix, this.timeoutMs);
    this.subscriptions = new SubscriptionHub((page) => this.readAll(page), pollMs);
    this.appender = new EventStoreDbAppender({
      client,
      reader: this.reader,
      writes: options.companion.companionWrites(),
      clock: options.clock ?? systemClock,
      prefix,
      timeoutMs: this.timeoutMs,
      headSealKey: options.headSealKey,
      onAppended: () => this.subscriptions.signal.notify(),
    });
    this.watcher = new EventStoreDbAppendWatcher(client, allFilter(prefix), this.subscriptions.signal, pollMs, this.timeoutMs);
  }

  /**
   * Connects and checks, under the deadline, that the server answers and lets this user read
   * $all; says plainly what failed. The companion is closed if the server cannot be used.
   */
  static async connect(options: EventStoreDbEventStoreOptions): Promise<EventStoreDbEventStore> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_EVENTSTORE_TIMEOUT_MS;
    let client: KurrentDBClient;
    try {
      allFilter(options.streamPrefix ?? '');
    } catch (error) {
      await options.companion.close();
      throw error;
    }
    try {
      client = KurrentDBClient.connectionString(options.connectionString);
    } catch (error) {
      await options.companion.close();
      throw new EventStoreDbConnectError(
        `EVENTSTORE_URL is not a connection string the client accepts (${(error as Error).message}): use e.g. kurrentdb://admin:changeit@localhost:2113?tls=false`,
        error,
      );
    }
    try {
      await collectWithDeadline(client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 }), timeoutMs, 'a first read of $all').catch((error: unknown) => {
        throw toReadError(error, undefined, 'a read of $all');
      });
    } catch (error) {
      await withDeadline(client.dispose(), timeoutMs, 'the close of the connection').catch(() => undefined);
      await options.companion.close();
      throw new EventStoreDbConnectError(connectFailure(error, timeoutMs), error);
    }
    const store = new EventStoreDbEventStore(client, options);
    store.watcher.start();
    return store;
  }

  append(streamId: string, events: NewEvent[], expectedVersion: ExpectedVersion, options: AppendOptions = {}): Promise<AppendResult> {
    return this.appender.append(streamId, events, expectedVersion, options);
  }

  readStream(streamId: string, options: { readonly fromVersion?: number } = {}): Promise<StoredEvent[]> {
    return this.reader.readStream(streamId, options.fromVersion ?? 1);
  }

  readAll(options: { readonly after?: Checkpoint | null; readonly limit?: number } = {}): Promise<ReadAllPage> {
    return this.reader.readAll(options.after ?? null, options.limit ?? 1000);
  }

  subscribe(handler: EventHandler, options: SubscribeOptions = {}): Subscription {
    return this.subscriptions.subscribe(handler, options);
  }

  subscribeToPages(handler: PageHandler, options: SubscribeOptions = {}): Subscription {
    return this.subscriptions.subscribeToPages(handler, options);
  }

  countAfter(after: Checkpoint | null): Promise<number> {
    return this.reader.countAfter(after);
  }

  headCheckpoint(): Promise<Checkpoint | null> {
    return this.reader.headCheckpoint();
  }

  claim(claim: IdempotencyClaim): Promise<ClaimResult> {
    return this.companion.claim(claim);
  }

  release(scope: string, key: string, token: string): Promise<void> {
    return this.companion.release(scope, key, token);
  }

  next(name: string): Promise<number> {
    return this.companion.next(name);
  }

  streamOf(scope: string, key: string): Promise<string | undefined> {
    return this.companion.streamOf(scope, key);
  }

  subjectKeyFor(request: SubjectKeyRequest): Promise<SubjectKey> {
    return this.companion.subjectKeyFor(request);
  }

  subjectKeys(subjectIds: readonly string[]): Promise<Map<string, Buffer>> {
    return this.companion.subjectKeys(subjectIds);
  }

  /** Head rows, keys and sequences from the companion; the events from EventStoreDB. */
  auditSource(): AuditSource {
    return new EventStoreDbAuditSource(this.reader, this.companion.auditSource());
  }

  async close(): Promise<void> {
    await this.appender.drained();
    await this.subscriptions.stopAll();
    await this.watcher.close();
    await withDeadline(this.client.dispose(), this.timeoutMs, 'the close of the connection').catch(() => undefined);
    await this.companion.close();
  }
}

/** What to tell whoever set EVENTSTORE_URL when the first read failed. */
function connectFailure(error: unknown, timeoutMs: number): string {
  const reason = error instanceof Error ? error.message : String(error);
  if (error instanceof EventStoreDbTimeoutError) {
    return `EventStoreDB did not answer within ${timeoutMs} ms: check that EVENTSTORE_URL names a running server (or cluster), that its port is reachable, and that tls= matches the server (tls=false for an insecure one)`;
  }
  const kind = (error as { type?: string } | null)?.type;
  if (kind === 'unavailable') return `EventStoreDB could not be reached (${reason}): check the host and port in EVENTSTORE_URL, and that tls= matches the server`;
  return `EventStoreDB refused a first read of $all (${reason}): check EVENTSTORE_URL (host, port, tls, credentials)`;
}
