import type { AuditKeys } from '@app/audit';
import { type EventStoreAdapter, systemClock } from '@app/event-store';
import { loadSettings } from '../../../api/src/config/settings';
import { loadAuditKeys } from '../../../api/src/store/loadAuditKeys';
import { openEventStore } from '../../../api/src/store/openEventStore';

/** Opens the store and the audit keys the API's settings name (the environment), for one piece of work. */
export async function withAuditedStore<T>(work: (store: EventStoreAdapter, keys: AuditKeys) => Promise<T>): Promise<T> {
  const settings = loadSettings(process.env);
  const keys = loadAuditKeys(settings);
  const store = await openEventStore(settings, systemClock, keys);
  try {
    return await work(store, keys);
  } finally {
    await store.close();
  }
}
