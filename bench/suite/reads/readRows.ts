import type { BenchStoreKind } from '../../support/generatedStore';
import { type BenchRow, emptyRow } from '../benchRow';

/** What the suite hands the process that generates (or finds cached) the stores a kind needs. */
export interface PrepareArgs {
  readonly kind: BenchStoreKind;
  readonly sizes: readonly number[];
  readonly databaseUrl?: string;
}

export interface StreamLoadArgs {
  readonly kind: BenchStoreKind;
  readonly events: number;
  /** The smallest store measured: every size is compared with it. */
  readonly smallest: number;
  readonly warmup: number;
  readonly loads: number;
  readonly databaseUrl?: string;
}

export interface RebuildArgs {
  readonly kind: BenchStoreKind;
  readonly events: number;
  readonly databaseUrl?: string;
}

/** Events generated per store are seeded: the same seed gives the same histories (and the cache's key). */
export const SEED = 1;

const KIND_LABELS: Record<BenchStoreKind, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };
const count = (events: number) => events.toLocaleString('en-GB');

export const streamLoadRowId = (kind: BenchStoreKind, events: number) => `stream-load:${kind}:${events}`;
export const streamLoadLabel = (kind: BenchStoreKind, events: number) => `${KIND_LABELS[kind]}: read an issue's stream and fold it, ${count(events)} events in the store`;

export type RebuildStep = 'scan' | 'bare' | 'rebuild';
export const rebuildRowId = (kind: BenchStoreKind, step: RebuildStep) => `rebuild:${kind}:${step}`;
const REBUILD_LABELS: Record<RebuildStep, string> = {
  scan: 'raw scan: every event through readAll, in pages',
  bare: 'raw scan: a bare SELECT * FROM events',
  rebuild: 'rebuild of every projection from zero to lag 0',
};
export const rebuildLabel = (kind: BenchStoreKind, step: RebuildStep, events: number) => `${KIND_LABELS[kind]}: ${REBUILD_LABELS[step]}, ${count(events)} events`;

/** A kind's stream-load rows, unmeasured: skipped (no PostgreSQL) or failed, with why. */
export function unmeasuredStreamLoadRows(kind: BenchStoreKind, sizes: readonly number[], status: BenchRow['status'], note: string): BenchRow[] {
  return sizes.map((events) =>
    emptyRow({ part: 'stream-load', id: streamLoadRowId(kind, events), label: streamLoadLabel(kind, events), ours: true, status, unit: 'loads/s', note }),
  );
}

export function unmeasuredRebuildRows(kind: BenchStoreKind, events: number, status: BenchRow['status'], note: string): BenchRow[] {
  return (['scan', 'bare', 'rebuild'] as const).map((step) =>
    emptyRow({ part: 'rebuild', id: rebuildRowId(kind, step), label: rebuildLabel(kind, step, events), ours: step !== 'bare', status, unit: 'events/s', note }),
  );
}
