import { join } from 'node:path';
import { type Clock, type EventStoreAdapter, PostgresEventStore, SqliteEventStore } from '@app/event-store';
import type { Settings } from '../config/settings';

/** The adapter EVENT_STORE names, opened and ready (schema created). */
export async function openEventStore(settings: Settings, clock: Clock): Promise<EventStoreAdapter> {
  switch (settings.eventStore) {
    case 'sqlite':
      return new SqliteEventStore({ file: join(settings.dataDir, 'events.db'), clock });
    case 'postgres':
      return PostgresEventStore.connect({ connectionString: settings.databaseUrl!, schema: settings.databaseSchema, clock });
    case 'eventstoredb':
      throw new Error('EVENT_STORE=eventstoredb is not available yet: use sqlite (the default) or postgres');
  }
}
