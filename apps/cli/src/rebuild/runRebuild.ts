import { systemClock } from '@app/event-store';
import { ALL_PROJECTIONS, openReadModels } from '@app/projections';
import { loadSettings } from '../../../api/src/config/settings';
import { openEventStore } from '../../../api/src/store/openEventStore';
import { readModelLocationOf } from '../../../api/src/config/readModelLocation';
import { awaitRebuild } from './awaitRebuild';

/** Rebuilds the projection named, on the store and read models the API's settings name; answers the exit code. */
export async function runRebuild(name: string, timeoutSeconds: number): Promise<number> {
  const projection = ALL_PROJECTIONS.find((candidate) => candidate.name === name);
  if (!projection) {
    console.error(`no projection named ${name}; the projections are: ${ALL_PROJECTIONS.map((candidate) => candidate.name).join(', ')}`);
    return 2;
  }
  const settings = loadSettings(process.env);
  const store = await openEventStore(settings, systemClock);
  const db = await openReadModels(readModelLocationOf(settings));
  const started = Date.now();
  try {
    const outcome = await awaitRebuild({
      projection,
      projections: ALL_PROJECTIONS,
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
