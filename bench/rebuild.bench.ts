/**
 * How fast do the read models rebuild? On a store of generated issue histories (cached between
 * runs), in one run: a raw baseline that reads every event through the store's own readAll in
 * pages and does nothing with them (and, for reference, a bare SELECT * FROM events), then every
 * projection (allProjections) through the real host and runners, from zero on a fresh
 * read-model database until lag 0. Targets: >= 20,000 events/s, and >= 0.5 x the readAll scan.
 *
 *   npm run bench:rebuild -- [--events 1000000] [--store sqlite|postgres] [--seed 1] [--page-size N] [--database-url URL]
 */
import 'reflect-metadata';
import { cpus } from 'node:os';
import { numberOf, PROJECTION_NAMES } from '@app/projections';
import { DEFAULT_CATCH_UP_PAGE_SIZE } from '@app/projections/sharedCatchUp';
import { benchArgs, choiceArg, databaseUrlArg, numberArg } from './support/benchArgs';
import { freshReadModels } from './support/freshReadModels';
import { type BenchStoreKind, BENCH_CACHE_DIR, type GeneratedStore, openGeneratedStore, rate } from './support/generatedStore';
import { rebuildAll, type RebuildFigures } from './support/rebuildAll';
import { barePostgresScan, bareSqliteScan, scanThroughReadAll, type Timed, timed } from './support/storeScans';

function bareScan(kind: BenchStoreKind, generated: GeneratedStore, databaseUrl: string | undefined, pageSize: number): Promise<number> | number {
  return kind === 'sqlite' ? bareSqliteScan(generated.location) : barePostgresScan(databaseUrl!, generated.location, pageSize);
}

async function main(): Promise<void> {
  const args = benchArgs();
  const events = numberArg(args, 'events', 1_000_000);
  const kind = choiceArg(args, 'store', ['sqlite', 'postgres'] as const);
  const seed = numberArg(args, 'seed', 1);
  const pageSize = numberArg(args, 'page-size', DEFAULT_CATCH_UP_PAGE_SIZE);
  const databaseUrl = databaseUrlArg(args);

  console.log(`rebuild of all projections (${PROJECTION_NAMES.join(', ')}) from ${events.toLocaleString('en-GB')} events on ${kind}`);
  console.log(`node ${process.version}, ${cpus().length} x ${cpus()[0]?.model}; cache ${BENCH_CACHE_DIR}`);
  const opened = await timed(() => openGeneratedStore({ kind, size: { events }, seed, databaseUrl }));
  const generated = opened.result;
  console.log(
    generated.generated
      ? `generated ${generated.events.toLocaleString('en-GB')} events (${generated.issues.toLocaleString('en-GB')} issues) in ${opened.seconds.toFixed(1)} s into ${generated.location}`
      : `reused the cached store ${generated.location}: ${generated.events.toLocaleString('en-GB')} events, ${generated.issues.toLocaleString('en-GB')} issues (generation skipped)`,
  );
  const { store } = generated;
  try {
    // Untimed: brings the store into memory, so that no measurement below pays for a cold cache.
    await bareScan(kind, generated, databaseUrl, pageSize);
    const scan = await timed(() => scanThroughReadAll(store, pageSize));
    const bare = await timed(() => bareScan(kind, generated, databaseUrl, pageSize));
    for (const [name, { result }] of [['readAll scan', scan], ['bare scan', bare]] as const) {
      if (result !== generated.events) throw new Error(`the ${name} read ${result} events, the store holds ${generated.events}`);
    }
    const readModels = await freshReadModels(kind, databaseUrl);
    let rebuild: Timed<RebuildFigures>;
    let rows: number;
    try {
      rebuild = await rebuildAll({ store, db: readModels.db, events: generated.events, catchUpPageSize: pageSize });
      const [counted] = await readModels.db.all<{ total: unknown }>('SELECT count(*) AS total FROM issues');
      rows = numberOf(counted.total);
    } finally {
      await readModels.dispose();
    }
    if (rows !== generated.issues) throw new Error(`the rebuilt issues table has ${rows} rows for ${generated.issues} issues`);

    const line = (name: string, run: Timed<unknown>) =>
      `| ${name} | ${run.seconds.toFixed(2)} | ${rate(generated.events, run.seconds)} | ${(run.seconds / rebuild.seconds).toFixed(2)} | ${run.cpuSeconds.toFixed(2)} |`;
    console.log(`catch-up page size: ${pageSize} events (one transaction per page and projection)`);
    console.log('| read | seconds | events/s | rebuild / this (events/s) | cpu s |');
    console.log('|---|---:|---:|---:|---:|');
    console.log(line(`raw: readAll scan, pages of ${pageSize}`, scan));
    console.log(line('raw: bare SELECT * FROM events', bare));
    console.log(line(`rebuild of all ${PROJECTION_NAMES.length} projections to lag 0`, rebuild));
    if (kind === 'postgres') console.log('(cpu s is this process only: the PostgreSQL server works beside it)');
    const { eventsRead } = rebuild.result;
    console.log(`events read from the store while catching up: ${eventsRead.toLocaleString('en-GB')} (${(eventsRead / generated.events).toFixed(2)} x the store, for ${PROJECTION_NAMES.length} projections)`);
    const applied = [...rebuild.result.applySeconds].map(([name, seconds]) => `${name} ${seconds.toFixed(2)} s`).join(', ');
    const overlap = kind === 'postgres' ? '; the runners wait on PostgreSQL side by side, so these overlap' : '';
    console.log(`cpu s inside each projection's apply (folding and writing, not reading${overlap}): ${applied}`);
    const ratio = scan.seconds / rebuild.seconds;
    const perSecond = generated.events / rebuild.seconds;
    const meets = perSecond >= 20_000 && ratio >= 0.5;
    console.log(`rebuild / readAll scan = ${ratio.toFixed(2)} (target >= 0.5); ${rate(generated.events, rebuild.seconds)} events/s (target >= 20,000): ${meets ? 'met' : 'MISSED'}`);
    console.log(`the rebuilt issues table holds ${rows.toLocaleString('en-GB')} rows, one per issue`);
  } finally {
    await store.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
