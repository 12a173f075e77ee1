import type { AuditSourceProvider } from './auditSource.port';
import type { EventStore } from './eventStore.port';
import type { IdempotencyStore } from './idempotency.port';
import type { PersonalKeyStore } from './personalKeys.port';
import type { SequenceStore } from './sequence.port';
import type { UniqueKeyStore } from './uniqueKey.port';

/** What every adapter provides: events, idempotency keys, sequences and unique keys in one database. */
export type EventStoreAdapter = EventStore & IdempotencyStore & SequenceStore & UniqueKeyStore & AuditSourceProvider & PersonalKeyStore;
