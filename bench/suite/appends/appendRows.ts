import type { ModeSettings } from '../benchMode';
import { type BenchRow, emptyRow } from '../benchRow';
import type { AppenderKind, AppenderTarget } from './appender';

/** What the suite hands an appender's process. */
export interface AppendPartArgs {
  readonly kind: AppenderKind;
  readonly databaseUrl?: string;
  readonly settings: ModeSettings['appends'];
}

/** The row id of an appender at a concurrency: baselines are named by it. */
export const appendRowId = (kind: AppenderKind, concurrency: number) => `appends:${kind}:c${concurrency}`;

/** The rows of one appender, every one with the same status and note: before anything was measured. */
export function unmeasuredAppendRows(target: AppenderTarget, concurrencies: readonly number[], status: BenchRow['status'], note: string): BenchRow[] {
  return concurrencies.map((concurrency) =>
    emptyRow({ part: 'appends', id: appendRowId(target.kind, concurrency), label: target.label, ours: target.ours, status, unit: 'appends/s', concurrency, note }),
  );
}

