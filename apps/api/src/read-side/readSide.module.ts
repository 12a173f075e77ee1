import { type BeforeApplicationShutdown, Global, Inject, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AuditKeys } from '@app/audit';
import type { Clock, EventStoreAdapter } from '@app/event-store';
import { allProjections, openReadModels, ProjectionHost, processHolder, type ReadModelDb } from '@app/projections';
import type { ServiceLevelRegistry } from '@app/service-levels';
import { readModelLocationOf } from '../config/readModelLocation';
import type { Settings } from '../config/settings';
import { AppMetrics } from '../operations/appMetrics';
import { projectionRunnerHooks } from '../operations/projectionMetrics';
import { openOutbox, type Outbox } from '../notifications/openOutbox';
import { DeadlineSchedulerService } from './deadlineScheduler.service';
import { AUDIT_KEYS, CLOCK, EVENT_STORE, OUTBOX, PROJECTION_HOST, READ_MODELS, SERVICE_LEVELS, SETTINGS } from '../store/tokens';

const HOLDER = processHolder();

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
      provide: OUTBOX,
      inject: [SETTINGS, READ_MODELS, EVENT_STORE, CLOCK, AUDIT_KEYS],
      useFactory: (settings: Settings, db: ReadModelDb, store: EventStoreAdapter, clock: Clock, auditKeys: AuditKeys) => {
        const logger = new Logger('Outbox');
        return openOutbox({
          settings,
          store,
          db,
          clock,
          auditKeys,
          holder: HOLDER,
          log: { info: (m) => logger.log(m), warn: (m) => logger.warn(m), error: (m) => logger.error(m) },
        });
      },
    },
    {
      provide: PROJECTION_HOST,
      inject: [SETTINGS, READ_MODELS, EVENT_STORE, CLOCK, SERVICE_LEVELS, OUTBOX, { token: AppMetrics, optional: true }],
      useFactory: (
        settings: Settings,
        db: ReadModelDb,
        store: EventStoreAdapter,
        clock: Clock,
        serviceLevels: ServiceLevelRegistry,
        outbox: Outbox,
        metrics?: AppMetrics,
      ) => {
        const logger = new Logger('Projections');
        return ProjectionHost.open([...allProjections({ serviceLevels }), outbox.projection], {
          store,
          db,
          clock,
          holder: HOLDER,
          leaseMs: settings.projectionLeaseMs,
          pageSize: settings.projectionPageSize,
          log: { info: (m) => logger.log(m), warn: (m) => logger.warn(m), error: (m) => logger.error(m) },
          ...(metrics && projectionRunnerHooks(metrics)),
        });
      },
    },
    DeadlineSchedulerService,
  ],
  exports: [READ_MODELS, PROJECTION_HOST, OUTBOX, DeadlineSchedulerService],
})
export class ReadSideModule implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(SETTINGS) private readonly settings: Settings,
    @Inject(PROJECTION_HOST) private readonly host: ProjectionHost,
    @Inject(READ_MODELS) private readonly db: ReadModelDb,
    @Inject(OUTBOX) private readonly outbox: Outbox,
  ) {}

  /** Where the projections run, the outbox's dispatcher runs too (one active at a time, by its lease). */
  onApplicationBootstrap(): void {
    if (!this.settings.projections) return;
    this.host.run();
    this.outbox.dispatcher.start();
  }

  /** Before the event store closes: the dispatcher finishes its email, the runners their page. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.outbox.dispatcher.stop();
    await this.host.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
  }
}
