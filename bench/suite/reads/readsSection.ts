import type { ModeSettings } from '../benchMode';
import type { BenchRow } from '../benchRow';
import { BENCH_CACHE_DIR, type BenchStoreKind } from '../../support/generatedStore';
import { runPart } from '../partProcess';
import {
  type PrepareArgs,
  type RebuildArgs,
  type StreamLoadArgs,
  unmeasuredRebuildRows,
  unmeasuredStreamLoadRows,
} from './readRows';

export interface ReadsWanted {
  readonly streamLoad: boolean;
  readonly rebuild: boolean;
}

/**
 * Stream loads and rebuilds on generated stores, per kind: the stores first (generated once,
 * then cached), then each size's loads and the rebuild, each in a process of its own.
 */
export async function readsSection(settings: ModeSettings, wanted: ReadsWanted, databaseUrl: string | undefined, log: (line: string) => void): Promise<BenchRow[]> {
  const streamRows: BenchRow[] = [];
  const rebuildRows: BenchRow[] = [];
  const { sizes } = settings.streamLoad;
  for (const kind of ['sqlite', 'postgres'] as const satisfies readonly BenchStoreKind[]) {
    const rebuildEvents = kind === 'sqlite' ? settings.rebuild.sqliteEvents : settings.rebuild.postgresEvents;
    const unmeasured = (status: BenchRow['status'], note: string) => {
      if (wanted.streamLoad) streamRows.push(...unmeasuredStreamLoadRows(kind, sizes, status, note));
      if (wanted.rebuild) rebuildRows.push(...unmeasuredRebuildRows(kind, rebuildEvents, status, note));
    };
    if (kind === 'postgres' && !databaseUrl) {
      unmeasured('skipped', 'no PostgreSQL: set TEST_DATABASE_URL');
      continue;
    }
    const needed = [...new Set([...(wanted.streamLoad ? sizes : []), ...(wanted.rebuild ? [rebuildEvents] : [])])];
    log(`${kind}: stores of ${needed.map((events) => events.toLocaleString('en-GB')).join(', ')} events (generated once, then cached: ${kind === 'sqlite' ? BENCH_CACHE_DIR : 'schemas bench_e*'})`);
    const prepareArgs: PrepareArgs = { kind, sizes: needed, databaseUrl };
    let prepareFailure: string | undefined;
    await runPart('reads/prepareStoresPart.ts', prepareArgs, (reason) => {
      prepareFailure = reason;
      return [];
    });
    if (prepareFailure) {
      unmeasured('failed', prepareFailure);
      continue;
    }
    if (wanted.streamLoad) {
      log(`${kind}: stream loads`);
      for (const events of sizes) {
        const args: StreamLoadArgs = { kind, events, smallest: Math.min(...sizes), warmup: settings.streamLoad.warmup, loads: settings.streamLoad.loads, databaseUrl };
        streamRows.push(...(await runPart('reads/streamLoadPart.ts', args, (reason) => unmeasuredStreamLoadRows(kind, [events], 'failed', reason))));
      }
    }
    if (wanted.rebuild) {
      log(`${kind}: rebuild of ${rebuildEvents.toLocaleString('en-GB')} events`);
      const args: RebuildArgs = { kind, events: rebuildEvents, databaseUrl };
      rebuildRows.push(...(await runPart('reads/rebuildPart.ts', args, (reason) => unmeasuredRebuildRows(kind, rebuildEvents, 'failed', reason))));
    }
  }
  return [...streamRows, ...rebuildRows];
}
