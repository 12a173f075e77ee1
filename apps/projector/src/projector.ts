import { type EventStoreAdapter, systemClock } from '@app/event-store';
import { ALL_PROJECTIONS, openReadModels, ProjectionHost, processHolder, type ReadModelDb } from '@app/projections';
import type { Logger } from 'pino';
import { readModelLocationOf } from '../../api/src/config/readModelLocation';
import { openEventStore } from '../../api/src/store/openEventStore';
import type { Settings } from '../../api/src/config/settings';

/** A running projector: every projection's runner, leading or standing by. */
export interface Projector {
  /** This process's name in leases: GET /projections shows it as a projection's `runner`. */
  readonly holder: string;
  /** Stops the runners (each finishes its page), then closes the read models and the store. */
  stop(): Promise<void>;
}

/**
 * Opens the store and the read models (the store's schema, where the API reads them) and runs
 * every projection there. Any number of projectors may run: each projection's lease lets one
 * runner work while the others stand by, and the checkpoint's compare-and-set fences a runner
 * that lost its lease.
 */
export async function startProjector(settings: Settings, log: Logger): Promise<Projector> {
  const store: EventStoreAdapter = await openEventStore(settings, systemClock);
  let db: ReadModelDb | undefined;
  try {
    db = await openReadModels(readModelLocationOf(settings));
    const holder = processHolder();
    const host = await ProjectionHost.open(ALL_PROJECTIONS, {
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
    const opened = db;
    return {
      holder,
      stop: async () => {
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
