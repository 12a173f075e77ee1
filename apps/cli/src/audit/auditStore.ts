import type { RevealPersonalData } from '@app/audit';
import { type EventStoreAdapter, systemClock } from '@app/event-store';
import { revealerOver, SUBJECT_LOOKUP_PURPOSE } from '@app/personal-data';
import { loadSettings } from '../../../api/src/config/settings';
import { loadAuditKeys } from '../../../api/src/store/loadAuditKeys';
import { openEventStore } from '../../../api/src/store/openEventStore';

/**
 * Runs `work` on the event store the API's settings name, closing it after, with the reveal
 * the API uses: sealed personal data shown in plain, or "[erased]" once its key is destroyed.
 */
export async function withAuditStore<T>(work: (store: EventStoreAdapter, reveal: RevealPersonalData) => Promise<T>): Promise<T> {
  const settings = loadSettings(process.env);
  const keys = loadAuditKeys(settings);
  const store = await openEventStore(settings, systemClock, keys);
  try {
    return await work(store, revealerOver(store, keys.deriveSecret(SUBJECT_LOOKUP_PURPOSE)));
  } finally {
    await store.close();
  }
}
