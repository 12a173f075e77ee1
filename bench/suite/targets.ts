import { appendRowId } from './appends/appendRows';
import type { BenchRow } from './benchRow';
import { httpRowId } from './http/httpRows';

/** One target of the stores issue, judged on a run's rows: never a reason for the run to fail. */
export interface TargetVerdict {
  readonly target: string;
  /** null: not measured in this run (skipped or failed rows). */
  readonly met: boolean | null;
  readonly measured: string;
}

const fixed = (value: number, digits = 2) => value.toFixed(digits);

/** The targets, as the table's rows measured them. */
export function judgeTargets(rows: readonly BenchRow[]): TargetVerdict[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const ok = (id: string) => {
    const row = byId.get(id);
    return row && row.status === 'ok' ? row : undefined;
  };
  const verdicts: TargetVerdict[] = [];
  const judge = (target: string, ids: readonly string[], test: (rows: BenchRow[]) => { met: boolean; measured: string }) => {
    const found = ids.map(ok);
    if (found.some((row) => !row)) return verdicts.push({ target, met: null, measured: 'not measured in this run' });
    verdicts.push({ target, ...test(found as BenchRow[]) });
  };
  const ratio = (row: BenchRow) => row.ratio ?? NaN;

  judge('HTTP intake >= 0.5x the bare server at 16 clients', [httpRowId('app', 'intake', 'max')], ([row]) => ({
    met: ratio(row) >= 0.5,
    measured: `${fixed(ratio(row))}x (${Math.round(row.throughput!)} requests/s)`,
  }));
  judge("HTTP intake p99 < 25 ms at 80% of the app's maximum rate", [httpRowId('app', 'intake', 'paced')], ([row]) => ({
    met: row.p99Ms! < 25,
    measured: `p99 ${fixed(row.p99Ms!, 1)} ms`,
  }));
  const appHttp = rows.filter((row) => row.part === 'http' && row.ours);
  judge(
    'HTTP: 0 errors through the app',
    appHttp.map((row) => row.id),
    (found) => {
      const failures = found.reduce((sum, row) => sum + (row.failures ?? 0), 0);
      return { met: failures === 0, measured: `${failures} errors in ${found.reduce((sum, row) => sum + (row.attempts ?? 0), 0)} requests` };
    },
  );
  for (const [database, kind] of [['SQLite', 'ours-sqlite'], ['PostgreSQL', 'ours-postgres']] as const) {
    judge(`appends at 1 in flight >= 0.7x the raw INSERT on ${database}`, [appendRowId(kind, 1)], ([row]) => ({ met: ratio(row) >= 0.7, measured: `${fixed(ratio(row))}x` }));
  }
  judge('appends at 16 in flight on SQLite >= 2x raw autocommit', [appendRowId('ours-sqlite', 16)], ([row]) => ({ met: ratio(row) >= 2, measured: `${fixed(ratio(row))}x` }));
  judge('appends at 16 in flight on PostgreSQL >= 0.7x a raw pool of 16', [appendRowId('ours-postgres', 16)], ([row]) => ({ met: ratio(row) >= 0.7, measured: `${fixed(ratio(row))}x` }));
  judge('0 failed appends at 16 in flight, on either database', [appendRowId('ours-sqlite', 16), appendRowId('ours-postgres', 16)], (found) => {
    const emmett = ok(appendRowId('emmett-sqlite', 16));
    const peer = emmett ? `; Emmett's SQLite store: ${emmett.failures} of ${emmett.attempts} failed` : '';
    return { met: found.every((row) => row.failures === 0), measured: found.map((row) => `${row.failures} of ${row.attempts}`).join(', ') + peer };
  });
  for (const kind of ['sqlite', 'postgres'] as const) {
    const loads = rows.filter((row) => row.part === 'stream-load' && row.id.startsWith(`stream-load:${kind}:`));
    if (loads.length === 0) continue;
    judge(
      `stream load flat (within 1.5x) as the ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} store grows`,
      loads.map((row) => row.id),
      (found) => {
        const worst = Math.max(...found.map((row) => row.ratio ?? 1));
        return { met: worst <= 1.5, measured: `p50 at most ${fixed(worst)}x the smallest store's` };
      },
    );
  }
  return verdicts;
}

export const formatVerdict = (verdict: TargetVerdict) =>
  `${verdict.met === null ? 'not measured' : verdict.met ? 'met' : 'MISSED'}: ${verdict.target}: ${verdict.measured}`;
