import type { Clock, EventStore } from '@app/event-store';
import { openServiceLevelRegistry, type PolicyFile, readPolicyFile, type StoredServiceLevelRegistry } from '@app/service-levels';
import type { Settings } from '../config/settings';
import { CATEGORIES } from '../reference-data/categories';

/** The policy at SERVICE_LEVELS_FILE (or the bundled one), checked against this installation's categories and areas; throws listing every problem. */
export function serviceLevelPolicyOf(settings: Settings): PolicyFile {
  return readPolicyFile(settings.serviceLevelsFile, { categories: CATEGORIES, areaIds: settings.areas.map((area) => area.id) });
}

/**
 * The registry every process judges deadlines by (the API, the projector, the CLI): reads the
 * policy file, then adopts its version into the store if no process has yet. Throws, refusing
 * start-up, on a bad file or on a changed policy under a version already adopted.
 */
export function openServiceLevels(settings: Settings, store: EventStore, clock?: Clock): Promise<StoredServiceLevelRegistry> {
  return openServiceLevelRegistry(store, serviceLevelPolicyOf(settings), { clock });
}
