import type { FactoryProvider } from '@nestjs/common';
import type { Clock, EventStoreAdapter } from '@app/event-store';
import { openServiceLevelRegistry, type StoredServiceLevelRegistry } from '@app/service-levels';
import type { Settings } from '../config/settings';
import { EVENT_STORE, SERVICE_LEVELS } from '../store/tokens';
import { serviceLevelPolicyOf } from './serviceLevelsOf';

/**
 * SERVICE_LEVELS for the app. The file is checked here, as the app's modules are built, so a bad
 * policy refuses start-up before the store is opened; its version is adopted once the store is.
 */
export function serviceLevelsProvider(settings: Settings, clock: Clock): FactoryProvider<StoredServiceLevelRegistry> {
  const file = serviceLevelPolicyOf(settings);
  return {
    provide: SERVICE_LEVELS,
    inject: [EVENT_STORE],
    useFactory: async (store: EventStoreAdapter) => {
      try {
        return await openServiceLevelRegistry(store, file, { clock });
      } catch (error) {
        // Start-up is refused: no app will be returned to close the store it opened.
        await store.close().catch(() => undefined);
        throw error;
      }
    },
  };
}
