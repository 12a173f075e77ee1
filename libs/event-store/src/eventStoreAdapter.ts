import type { AuditSourceProvider } from './auditSource.port';
import type { EventStore } from './eventStore.port';
import type { IdempotencyStore } from './idempotency.port';
import type { PersonalKeyStore } from './personalKeys.port';
import type { SequenceStore } from './sequence.port';
import type { UniqueKeyStore } from './uniqueKey.port';

/**
 * What a SQL database keeps beside the events: idempotency records, sequences, unique keys,
 * personal-data keys and the auditors' raw reads. SQLite and PostgreSQL keep it in the events'
 * own database (one transaction for both); EventStoreDB pairs with one of them as its companion.
 */
export type StoreCompanion = IdempotencyStore & SequenceStore & UniqueKeyStore & AuditSourceProvider & PersonalKeyStore;

/** What the application opens: the event store and its companion, as one object. */
export type EventStoreAdapter = EventStore & StoreCompanion;
