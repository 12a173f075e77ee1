/**
 * Rebuilding every projection from zero on a generated store, beside a raw scan of the same
 * store in the same process (bench/rebuild.bench.ts does this alone, with more detail).
 */
import { numberOf, PROJECTION_NAMES } from '@app/projections';
import { freshReadModels } from '../../support/freshReadModels';
import { openGeneratedStore } from '../../support/generatedStore';
import { rebuildAll } from '../../support/rebuildAll';
import { barePostgresScan, bareSqliteScan, scanThroughReadAll, type Timed, timed } from '../../support/storeScans';
import { type BenchRow, emptyRow } from '../benchRow';
import { ownMemory, partArgs, partMain } from '../partProcess';
import { type RebuildArgs, rebuildLabel, rebuildRowId, type RebuildStep, SEED } from './readRows';

const PAGE_SIZE = 1_000;

async function main(): Promise<BenchRow[]> {
  const { kind, events, databaseUrl } = partArgs<RebuildArgs>();
  const generated = await openGeneratedStore({ kind, size: { events }, seed: SEED, databaseUrl });
  const { store } = generated;
  const bare = () => (kind === 'sqlite' ? bareSqliteScan(generated.location) : barePostgresScan(databaseUrl!, generated.location, PAGE_SIZE));
  try {
    // Untimed: brings the store into memory, so that no measurement pays for a cold cache.
    await bare();
    const scan = await timed(() => scanThroughReadAll(store, PAGE_SIZE));
    const bareScan = await timed(bare);
    for (const [name, { result }] of [['readAll scan', scan], ['bare scan', bareScan]] as const) {
      if (result !== generated.events) throw new Error(`the ${name} read ${result} events, the store holds ${generated.events}`);
    }
    const readModels = await freshReadModels(kind, databaseUrl);
    let rebuild: Timed<unknown>;
    try {
      rebuild = await rebuildAll({ store, db: readModels.db, events: generated.events });
      const [counted] = await readModels.db.all<{ total: unknown }>('SELECT count(*) AS total FROM issues');
      if (numberOf(counted.total) !== generated.issues) throw new Error(`the rebuilt issues table has ${numberOf(counted.total)} rows for ${generated.issues} issues`);
    } finally {
      await readModels.dispose();
    }
    const memory = ownMemory();
    const row = (step: RebuildStep, run: Timed<unknown>, note: string): BenchRow =>
      emptyRow({
        part: 'rebuild',
        id: rebuildRowId(kind, step),
        label: rebuildLabel(kind, step, generated.events),
        ours: step !== 'bare',
        status: 'ok',
        unit: 'events/s',
        throughput: generated.events / run.seconds,
        ...(step === 'rebuild' && { baselineId: rebuildRowId(kind, 'scan'), baselineName: 'readAll scan' }),
        ...memory,
        note: `${run.seconds.toFixed(1)} s${note}`,
      });
    return [
      row('scan', scan, `, pages of ${PAGE_SIZE}`),
      row('bare', bareScan, ''),
      row('rebuild', rebuild, `; ${PROJECTION_NAMES.length} projections (${PROJECTION_NAMES.join(', ')})`),
    ];
  } finally {
    await store.close();
  }
}

partMain(main);
