/**
 * The event store port: append, read and subscribe, nothing else. Sequences, unique keys,
 * idempotency records and personal-data keys are ports of their own (sequence.port.ts,
 * uniqueKey.port.ts, idempotency.port.ts, personalKeys.port.ts), kept by a SQL database: the
 * same one as the events (sqlite, postgres), or a companion beside a store that has no
 * transactions of its own (eventstoredb). Every adapter passes the same contract suite
 * (testing/eventStoreContract.ts). Every method is asynchronous, even where a driver is
 * synchronous, so that appends arriving together are committed together (group commit).
 */

/** The stream's current version as the caller last saw it (0: the stream must not exist), or 'any'. */
export type ExpectedVersion = number | 'any';

export type EventMetadata = Readonly<Record<string, unknown>>;

export interface NewEvent {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

export interface StoredEvent extends NewEvent {
  readonly streamId: string;
  /** 1-based position in its stream: the stream's version once this event is in. */
  readonly version: number;
  /**
   * Position in the whole store: unique, and increasing from one append to the next. Readers of
   * the whole store get events in commit-safe order, which on PostgreSQL may put a concurrent
   * transaction's higher positions before another's lower ones; resume by `checkpoint`, never
   * by position.
   */
  readonly globalPosition: number;
  /** When the store wrote it (ISO 8601), from the store's clock. */
  readonly recordedAt: string;
  /** The hash of the stream's previous event, null for the first: a SHA-256 chain per stream. */
  readonly prevHash: string | null;
  readonly hash: string;
}

/**
 * Where a reader of the whole store has got to. Opaque: its form is the adapter's own
 * (PostgreSQL needs the writing transaction's id as well as the position, see its adapter).
 */
export type Checkpoint = string;

/** An event read from the whole store, with the checkpoint that resumes just after it. */
export interface GlobalEvent extends StoredEvent {
  readonly checkpoint: Checkpoint;
}

export interface ReadAllPage {
  readonly events: GlobalEvent[];
  /** Resume here for the next page; unchanged when the page is empty. */
  readonly checkpoint: Checkpoint | null;
}

/**
 * An event as its append wrote it. Its global position is there when the store gives one per
 * event (sqlite, postgres); a server that gives one position per append (eventstoredb) leaves
 * it out, and readers of the whole store get it from readAll.
 */
export type AppendedEvent = Omit<StoredEvent, 'globalPosition'> & { readonly globalPosition?: number };

export interface AppendResult {
  readonly nextVersion: number;
  readonly events: AppendedEvent[];
}

/**
 * What to keep with the append under an idempotency key the caller has claimed: an outcome the
 * store keeps as JSON and hands back, unread, to a later claim of the key (the API keeps its
 * answer there; the store knows nothing of HTTP).
 */
export interface IdempotencyCompletion {
  readonly scope: string;
  readonly key: string;
  readonly claimToken: string;
  readonly outcome: unknown;
}

/** A key that names one stream for good, such as an issue's reference (see UniqueKeyStore). */
export interface UniqueKey {
  readonly scope: string;
  readonly key: string;
}

export interface AppendOptions {
  /** Written in the same transaction as the events: both are kept, or neither. */
  readonly idempotency?: IdempotencyCompletion;
  /** Keys this append takes for its stream; one already taken fails the whole append. */
  readonly uniqueKeys?: readonly UniqueKey[];
  /**
   * Subjects whose personal-data keys this append destroys, in its transaction: an erasure is
   * recorded and done together, or neither (see PersonalKeyStore).
   */
  readonly shredSubjects?: readonly string[];
}

export type EventHandler = (event: GlobalEvent) => Promise<void> | void;
/** A whole page at a time, in order: a projection applies it in one transaction. */
export type PageHandler = (events: GlobalEvent[]) => Promise<void> | void;

export interface SubscribeOptions {
  /** Deliver events after this checkpoint; from the beginning when absent. */
  readonly after?: Checkpoint | null;
  /**
   * Called once when the subscription stops by itself: the handler threw (it stops at the
   * failed event, or page, so it can resume there) or the checkpoint cannot be read.
   */
  readonly onError?: (error: unknown) => void;
  /** Called on every failed read of the store; the subscription retries with back-off. */
  readonly onReadError?: (error: unknown, consecutiveFailures: number) => void;
  /** Events read at a time (default 500). */
  readonly pageSize?: number;
}

/** How a subscription is doing, for health checks and the projections' status. */
export interface SubscriptionHealth {
  readonly stopped: boolean;
  /** The last read found fewer events than a page: it is following live. */
  readonly caughtUp: boolean;
  readonly consecutiveReadFailures: number;
  /** Why the last read (or the handler) failed; null once a read succeeds. */
  readonly lastError: string | null;
}

export interface Subscription {
  /** The checkpoint after the last event the handler finished. */
  readonly checkpoint: Checkpoint | null;
  readonly health: SubscriptionHealth;
  /** Resolves once the subscription has stopped, by `stop()` or by a failure. */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

export interface EventStore {
  append(streamId: string, events: NewEvent[], expectedVersion: ExpectedVersion, options?: AppendOptions): Promise<AppendResult>;
  readStream(streamId: string, options?: { readonly fromVersion?: number }): Promise<StoredEvent[]>;
  /** Events after the checkpoint, in an order no later commit can slip in front of. */
  readAll(options?: { readonly after?: Checkpoint | null; readonly limit?: number }): Promise<ReadAllPage>;
  /** A live subscription: catches up, then follows new events; never skips or repeats one. */
  subscribe(handler: EventHandler, options?: SubscribeOptions): Subscription;
  /** The same, handing over whole pages. */
  subscribeToPages(handler: PageHandler, options?: SubscribeOptions): Subscription;
  /** How many events a reader at this checkpoint has yet to read (its lag). */
  countAfter(after: Checkpoint | null): Promise<number>;
  /** The checkpoint after the last event a reader can read now (null: the store is empty): "from now on". */
  headCheckpoint(): Promise<Checkpoint | null>;
  close(): Promise<void>;
}
