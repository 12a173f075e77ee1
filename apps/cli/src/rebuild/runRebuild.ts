import { systemClock } from '@app/event-store';
import { allProjections, openReadModels, OUTBOX_PROJECTION_NAME, PROJECTION_NAMES } from '@app/projections';
import { loadSettings } from '../../../api/src/config/settings';
import { openEventStore } from '../../../api/src/store/openEventStore';
import { readModelLocationOf } from '../../../api/src/config/readModelLocation';
import { openServiceLevels } from '../../../api/src/service-levels/serviceLevelsOf';
import { awaitRebuild } from './awaitRebuild';

/** Rebuilds the projection named, on the store and read models the API's settings name; answers the exit code. */
export async function runRebuild(name: string, timeoutSeconds: number): Promise<number> {
  if (!PROJECTION_NAMES.includes(name)) {
    console.error(`no projection named ${name}; the projections are: ${PROJECTION_NAMES.join(', ')}`);
    return 2;
  }
  if (name === OUTBOX_PROJECTION_NAME) {
    console.error('the outbox keeps what was owed and sent: it has no tables to rebuild (a running API or projector re-reads it on POST /projections/outbox/rebuild, owing nothing twice)');
    return 2;
  }
  const settings = loadSettings(process.env);
  const store = await openEventStore(settings, systemClock);
  const db = await openReadModels(readModelLocationOf(settings));
  const started = Date.now();
  try {
    // The issues' deadlines are judged by the policy versions the store keeps.
    const projections = allProjections({ serviceLevels: await openServiceLevels(settings, store, systemClock) });
    const outcome = await awaitRebuild({
      projection: projections.find((candidate) => candidate.name === name)!,
      projections,
      store,
      db,
      clock: systemClock,
      timeoutMs: timeoutSeconds * 1000,
      report: (line) => console.log(line),
    });
    const took = ((Date.now() - started) / 1000).toFixed(1);
    if (!outcome.ok) {
      console.error(`${name}: rebuild FAILED: ${outcome.reason} (${took} s); the request stands: whichever runner holds ${name} will rebuild it`);
      return 1;
    }
    console.log(
      `${name}: rebuilt: generation ${outcome.toGeneration} (was ${outcome.fromGeneration || 'none'}) answers reads, live at position ${outcome.position}, lag 0 (${took} s)`,
    );
    return 0;
  } finally {
    await db.close();
    await store.close();
  }
}
