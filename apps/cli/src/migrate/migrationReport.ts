import type { VerifyReport } from '@app/audit';
import type { Comparison } from './compareStores';
import type { CopyOutcome } from './copyHistory';

/** What one migrate run did and found, for the operator (text) or a script (--json). */
export interface MigrationReport {
  readonly source: string;
  readonly target: string;
  readonly copy: CopyOutcome;
  readonly seconds: { readonly copy: number; readonly verify: number; readonly compare: number; readonly total: number };
  /** Events written per second of copying the events (this run's). */
  readonly eventsPerSecond: number;
  readonly verify: VerifyReport;
  readonly comparison: Comparison;
  /** Verify passed and the target holds exactly the source's history. */
  readonly ok: boolean;
}

const n = (value: number) => value.toLocaleString('en-GB');
const s = (value: number) => `${value.toFixed(1)} s`;

export function migrationReportText(report: MigrationReport): string {
  const { copy, comparison, verify } = report;
  const rows = copy.companionRows;
  const changed = Object.values(copy.companionChanged).reduce((sum, count) => sum + count, 0);
  return [
    `migrate: ${report.ok ? 'OK' : 'FAILED'}: ${report.source} -> ${report.target}`,
    `  events   ${n(copy.eventsCopied)} copied by this run; the target holds ${n(copy.eventsInTarget)} in ${n(comparison.streamsCompared)} streams`,
    `  beside   ${n(rows.uniqueKeys)} unique keys, ${n(rows.sequences)} sequences, ${n(rows.personalKeys)} personal-data keys, ` +
      `${n(rows.streamHeads)} sealed heads, ${n(rows.idempotencyRecords)} idempotency records (${n(changed)} rows new or changed by this run)`,
    `  time     ${s(report.seconds.total)}: copy ${s(report.seconds.copy)} (events ${s(copy.seconds.events)}: ${n(report.eventsPerSecond)} events/s; the rest ${s(copy.seconds.companion)}), verify ${s(report.seconds.verify)}, compare ${s(report.seconds.compare)}`,
    `  verify   ${verify.ok ? 'OK' : 'FAILED'}: ${n(verify.streamsChecked)} streams, ${n(verify.eventsChecked)} events checked, ${verify.violations.length} violation(s)`,
    ...verify.violations.slice(0, 10).map((violation) => `           ${violation.kind} ${violation.streamId ?? 'store'}${violation.version === null ? '' : ` v${violation.version}`}: ${violation.detail}`),
    `  compare  ${comparison.ok ? 'OK' : 'FAILED'}: ${n(comparison.eventsCompared)} events in the source's order, ${n(comparison.streamsCompared)} heads, ` +
      `${n(comparison.uniqueKeysCompared)} unique keys, ${n(comparison.sequencesCompared)} sequences, ${n(comparison.personalKeysCompared)} personal-data keys; ` +
      `${comparison.differences} difference(s)`,
    ...comparison.examples.map((example) => `           ${example}`),
  ].join('\n');
}
