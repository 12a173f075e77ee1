import type { EventStore } from './eventStore.port';
import type { IdempotencyStore } from './idempotency.port';
import type { SequenceStore } from './sequence.port';

/** What every adapter provides: events, idempotency keys and sequences in one database. */
export type EventStoreAdapter = EventStore & IdempotencyStore & SequenceStore;
