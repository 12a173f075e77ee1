import { type EventStore, systemClock } from '@app/event-store';
import { allProjections, type Projection, ProjectionHost, type ReadModelDb } from '@app/projections';
import { fixedServiceLevels } from '@app/service-levels/testing/fixedServiceLevels';

// A policy in memory: the bench measures the projections' rebuild, not the store's service-levels stream.
const ALL_PROJECTIONS = allProjections({ serviceLevels: fixedServiceLevels() });
import { type Timed, timed } from './storeScans';

export interface RebuildOptions {
  readonly store: Pick<EventStore, 'subscribeToPages' | 'countAfter' | 'readAll'>;
  /** A fresh read-model database: every projection starts from zero. */
  readonly db: ReadModelDb;
  /** Events in the store: the rebuild is done once every projection has applied them all. */
  readonly events: number;
  /** The runners' catch-up page size; the host's own default when absent. */
  readonly catchUpPageSize?: number;
}

export interface RebuildFigures {
  /** CPU seconds spent inside each projection's `apply` (its folding and its writes, not the reads). */
  readonly applySeconds: ReadonlyMap<string, number>;
  /** Events the runners read through readAll while catching up: the store's size when they share every read. */
  readonly eventsRead: number;
}

/**
 * Runs every projection the app runs (allProjections), through the real ProjectionHost and
 * runners, from the first event until each has applied every event of the store and reports
 * lag 0. Says how long that took, and how much of it each projection's `apply` took.
 */
export async function rebuildAll({ store, db, events, catchUpPageSize }: RebuildOptions): Promise<Timed<RebuildFigures>> {
  const applied = new Map(ALL_PROJECTIONS.map((projection) => [projection.name, 0]));
  const applySeconds = new Map(ALL_PROJECTIONS.map((projection) => [projection.name, 0]));
  let eventsRead = 0;
  const countedStore: RebuildOptions['store'] = {
    readAll: async (options) => {
      const page = await store.readAll(options);
      eventsRead += page.events.length;
      return page;
    },
    subscribeToPages: (handler, options) => store.subscribeToPages(handler, options),
    countAfter: (after) => store.countAfter(after),
  };
  const errors: string[] = [];
  const host = await ProjectionHost.open(ALL_PROJECTIONS.map((projection) => timedApply(projection, applySeconds)), {
    store: countedStore,
    db,
    clock: systemClock,
    ...(catchUpPageSize !== undefined && { catchUpPageSize }),
    onPage: (name, count) => applied.set(name, applied.get(name)! + count),
    log: { info: () => undefined, warn: (message) => errors.push(message), error: (message) => errors.push(message) },
  });
  try {
    return await timed(async () => {
      host.run();
      while ([...applied.values()].some((count) => count < events)) {
        if (errors.length > 0) throw new Error(`the rebuild failed: ${errors.join('; ')}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const behind = (await host.describe()).filter((info) => info.lag !== 0);
      if (behind.length > 0) throw new Error(`projections still lag after applying every event: ${JSON.stringify(behind)}`);
      return { applySeconds, eventsRead };
    });
  } finally {
    await host.stop();
  }
}

/** The projection, with the CPU time its `apply` takes added up (another runner may interleave at its awaits). */
function timedApply(projection: Projection, seconds: Map<string, number>): Projection {
  return {
    name: projection.name,
    handles: projection.handles,
    tables: projection.tables,
    apply: async (events, tx) => {
      const cpu = process.cpuUsage();
      await projection.apply(events, tx);
      const { user, system } = process.cpuUsage(cpu);
      seconds.set(projection.name, seconds.get(projection.name)! + (user + system) / 1e6);
    },
  };
}
