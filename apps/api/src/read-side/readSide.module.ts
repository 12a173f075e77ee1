import { type BeforeApplicationShutdown, Global, Inject, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Clock, EventStoreAdapter } from '@app/event-store';
import { ALL_PROJECTIONS, openReadModels, ProjectionHost, type ReadModelDb } from '@app/projections';
import { readModelLocationOf } from '../config/readModelLocation';
import type { Settings } from '../config/settings';
import { AppMetrics } from '../operations/appMetrics';
import { projectionRunnerHooks } from '../operations/projectionMetrics';
import { CLOCK, EVENT_STORE, PROJECTION_HOST, READ_MODELS, SETTINGS } from '../store/tokens';

/**
 * The read models' database and the projections' host, for every query of the app. The API
 * runs the projections itself unless PROJECTIONS=off leaves them to projector processes.
 */
@Global()
@Module({
  providers: [
    {
      provide: READ_MODELS,
      inject: [SETTINGS],
      useFactory: (settings: Settings) => openReadModels(readModelLocationOf(settings)),
    },
    {
      provide: PROJECTION_HOST,
      inject: [SETTINGS, READ_MODELS, EVENT_STORE, CLOCK, { token: AppMetrics, optional: true }],
      useFactory: (settings: Settings, db: ReadModelDb, store: EventStoreAdapter, clock: Clock, metrics?: AppMetrics) => {
        const logger = new Logger('Projections');
        return ProjectionHost.open(ALL_PROJECTIONS, {
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
  ],
  exports: [READ_MODELS, PROJECTION_HOST],
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
