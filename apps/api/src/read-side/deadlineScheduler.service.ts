import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Clock, EventStore } from '@app/event-store';
import type { ReadModelDb } from '@app/projections';
import { DeadlineScheduler, type SchedulerHealth } from '@app/scheduler';
import type { ServiceLevelRegistry } from '@app/service-levels';
import type { Settings } from '../config/settings';
import { CLOCK, EVENT_STORE, READ_MODELS, SERVICE_LEVELS, SETTINGS } from '../store/tokens';

/**
 * Records missed deadlines from this API process when it runs the projections too (SCHEDULER and
 * PROJECTIONS on); with PROJECTIONS=off the projector processes do it. Any number may run at once.
 */
@Injectable()
export class DeadlineSchedulerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly scheduler: DeadlineScheduler | null;

  constructor(
    @Inject(SETTINGS) settings: Settings,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_MODELS) db: ReadModelDb,
    @Inject(SERVICE_LEVELS) registry: ServiceLevelRegistry,
    @Inject(CLOCK) clock: Clock,
  ) {
    const logger = new Logger('DeadlineScheduler');
    this.scheduler =
      settings.scheduler && settings.projections
        ? new DeadlineScheduler({
            store,
            db,
            registry,
            clock,
            intervalMs: settings.schedulerIntervalMs,
            log: { info: (m) => logger.log(m), warn: (m) => logger.warn(m), error: (m) => logger.error(m) },
          })
        : null;
  }

  onApplicationBootstrap(): void {
    this.scheduler?.start();
  }

  /** Before the event store and the read models close: a tick under way finishes first. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.scheduler?.stop();
  }

  /** Null when this process does not run the scheduler. */
  health(): SchedulerHealth | null {
    return this.scheduler?.health() ?? null;
  }
}
