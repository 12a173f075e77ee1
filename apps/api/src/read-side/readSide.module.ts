import { type BeforeApplicationShutdown, Global, Inject, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Clock, EventStoreAdapter } from '@app/event-store';
import { allProjections, openReadModels, ProjectionHost, type ReadModelDb } from '@app/projections';
import type { ServiceLevelRegistry } from '@app/service-levels';
import { readModelLocationOf } from '../config/readModelLocation';
import type { Settings } from '../config/settings';
import { AppMetrics } from '../operations/appMetrics';
import { projectionRunnerHooks } from '../operations/projectionMetrics';
import { DeadlineSchedulerService } from './deadlineScheduler.service';
import { CLOCK, EVENT_STORE, PROJECTION_HOST, READ_MODELS, SERVICE_LEVELS, SETTINGS } from '../store/tokens';

/**
 * The read models' database and the projections' host, for every query of the app. The API
 * runs the projections itself unless PROJECTIONS=off leaves them to projector processes.
 */
@Global()
@Module({
  providers: [
    {
      provide: READ_MODELS,
      // After the service levels: a start-up they refuse then leaves no read-model pool open.
      inject: [SETTINGS, SERVICE_LEVELS],
      useFactory: (settings: Settings) => openReadModels(readModelLocationOf(settings)),
    },
    {
      provide: PROJECTION_HOST,
      inject: [SETTINGS, READ_MODELS, EVENT_STORE, CLOCK, SERVICE_LEVELS, { token: AppMetrics, optional: true }],
      useFactory: (settings: Settings, db: ReadModelDb, store: EventStoreAdapter, clock: Clock, serviceLevels: ServiceLevelRegistry, metrics?: AppMetrics) => {
        const logger = new Logger('Projections');
        return ProjectionHost.open(allProjections({ serviceLevels }), {
          store,
          db,
          clock,
          leaseMs: settings.projectionLeaseMs,
          pageSize: settings.projectionPageSize,
          log: { info: (m) => logger.log(m), warn: (m) => logger.warn(m), error: (m) => logger.error(m) },
          ...(metrics && projectionRunnerHooks(metrics)),
        });
      },
    },
    DeadlineSchedulerService,
  ],
  exports: [READ_MODELS, PROJECTION_HOST, DeadlineSchedulerService],
})
export class ReadSideModule implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(SETTINGS) private readonly settings: Settings,
    @Inject(PROJECTION_HOST) private readonly host: ProjectionHost,
    @Inject(READ_MODELS) private readonly db: ReadModelDb,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.projections) this.host.run();
  }

  /** Before the event store closes: runners finish their page first. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.host.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
  }
}
