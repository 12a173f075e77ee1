import { join } from 'node:path';
import { type AuditKeys, headSealKeyOf } from '@app/audit';
import { type Clock, type EventStoreAdapter, EventStoreDbEventStore, PostgresEventStore, SqliteEventStore } from '@app/event-store';
import type { Settings } from '../config/settings';
import { loadAuditKeys } from './loadAuditKeys';

/**
 * The adapter EVENT_STORE names, opened and ready (schema created). Every process that opens it
 * seals the stream heads it writes with the audit keys (loaded from the settings when not given),
 * so that verify can tell a truncated stream from a whole one.
 */
export async function openEventStore(settings: Settings, clock: Clock, auditKeys: AuditKeys = loadAuditKeys(settings)): Promise<EventStoreAdapter> {
  const headSealKey = headSealKeyOf(auditKeys);
  switch (settings.eventStore) {
    case 'sqlite':
      return new SqliteEventStore({ file: join(settings.dataDir, 'events.db'), clock, headSealKey });
    case 'postgres':
      return PostgresEventStore.connect({ connectionString: settings.databaseUrl!, schema: settings.databaseSchema, clock, headSealKey });
    case 'eventstoredb': {
      // What EventStoreDB has no transactions for: in PostgreSQL when DATABASE_URL is set, else in DATA_DIR/companion.db.
      const companion = settings.databaseUrl
        ? await PostgresEventStore.connect({ connectionString: settings.databaseUrl, schema: settings.databaseSchema, clock, headSealKey })
        : new SqliteEventStore({ file: join(settings.dataDir, 'companion.db'), clock, headSealKey });
      // connect() closes the companion when the server cannot be used.
      return EventStoreDbEventStore.connect({ connectionString: settings.eventstoreUrl!, companion, clock, headSealKey, timeoutMs: settings.eventstoreTimeoutMs });
    }
  }
}
