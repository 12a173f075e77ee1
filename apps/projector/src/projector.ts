import { type EventStoreAdapter, systemClock } from '@app/event-store';
import { allProjections, openReadModels, ProjectionHost, processHolder, type ReadModelDb } from '@app/projections';
import type { Logger } from 'pino';
import { readModelLocationOf } from '../../api/src/config/readModelLocation';
import { openEventStore } from '../../api/src/store/openEventStore';
import { loadAuditKeys } from '../../api/src/store/loadAuditKeys';
import { openOutbox } from '../../api/src/notifications/openOutbox';
import type { Settings } from '../../api/src/config/settings';
import { openServiceLevels } from '../../api/src/service-levels/serviceLevelsOf';
import { startProjectorScheduler } from './projectorScheduler';

/** A running projector: every projection's runner, leading or standing by. */
export interface Projector {
  /** This process's name in leases: GET /projections shows it as a projection's `runner`. */
  readonly holder: string;
  /** Stops the deadline scheduler (its tick finishes) and the runners (each finishes its page), then closes the read models and the store. */
  stop(): Promise<void>;
}

/**
 * Opens the store and the read models (the store's schema, where the API reads them) and runs
 * every projection there. Any number of projectors may run: each projection's lease lets one
 * runner work while the others stand by, and the checkpoint's compare-and-set fences a runner
 * that lost its lease. With SCHEDULER=on (the default) it records missed deadlines too.
 */
export async function startProjector(settings: Settings, log: Logger): Promise<Projector> {
  const auditKeys = loadAuditKeys(settings);
  const store: EventStoreAdapter = await openEventStore(settings, systemClock, auditKeys);
  let db: ReadModelDb | undefined;
  try {
    db = await openReadModels(readModelLocationOf(settings));
    const holder = processHolder();
    // The policy file checked and its version adopted, as in the API: the deadlines need its rules.
    const serviceLevels = await openServiceLevels(settings, store);
    const runnerLog = { info: (message: string) => log.info(message), warn: (message: string) => log.warn(message), error: (message: string) => log.error(message) };
    // The residents' outbox: recorded with the projections, sent by one dispatcher among the processes (its lease).
    const outbox = await openOutbox({ settings, store, db, clock: systemClock, auditKeys, holder, log: runnerLog });
    const host = await ProjectionHost.open([...allProjections({ serviceLevels }), outbox.projection], {
      store,
      db,
      clock: systemClock,
      holder,
      leaseMs: settings.projectionLeaseMs,
      pageSize: settings.projectionPageSize,
      log: { info: (message) => log.info(message), warn: (message) => log.warn(message), error: (message) => log.error(message) },
      onPage: (projection, events) => log.debug({ projection, events }, 'page applied'),
    });
    host.run();
    outbox.dispatcher.start();
    const opened = db;
    const scheduler = startProjectorScheduler(settings, { store, db, registry: serviceLevels, clock: systemClock }, log);
    return {
      holder,
      stop: async () => {
        await scheduler?.stop();
        await outbox.dispatcher.stop();
        await host.stop();
        await opened.close();
        await store.close();
      },
    };
  } catch (error) {
    await db?.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw error;
  }
}
