import { type Clock, type EventStore } from '@app/event-store';
import type { ReadModelDb } from '@app/projections';
import { DeadlineScheduler } from '@app/scheduler';
import type { ServiceLevelRegistry } from '@app/service-levels';
import type { Logger } from 'pino';
import type { Settings } from '../../api/src/config/settings';

/**
 * The deadline scheduler of a projector process (SCHEDULER=on, the default), started at once:
 * every projector may run one, as the store records each missed deadline once whoever is first.
 */
export function startProjectorScheduler(
  settings: Settings,
  deps: { readonly store: EventStore; readonly db: ReadModelDb; readonly registry: ServiceLevelRegistry; readonly clock: Clock },
  log: Logger,
): DeadlineScheduler | null {
  if (!settings.scheduler) return null;
  const scheduler = new DeadlineScheduler({
    ...deps,
    intervalMs: settings.schedulerIntervalMs,
    log: { info: (message) => log.info(message), warn: (message) => log.warn(message), error: (message) => log.error(message) },
  });
  scheduler.start();
  return scheduler;
}
