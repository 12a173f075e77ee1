import type { VerifyReport } from '../../shared/contract';
import { formatCount } from '../../shared/format';

/* The auditor's view in words: verify's kinds of violation, its result in one line, instants to the second. Pure. */

/** Verify's kinds (API.md, "Audit"), in words. */
export const VIOLATION_LABELS: Readonly<Record<string, string>> = {
  'hash-mismatch': 'Hash mismatch',
  'illegal-transition': 'Illegal transition',
  'version-gap': 'Version gap',
  'unknown-event': 'Unknown event',
  'anchor-mismatch': 'Anchor mismatch',
};

export const violationLabel = (kind: string): string => VIOLATION_LABELS[kind] ?? kind;

const plural = (count: number, one: string, many: string) => `${formatCount(count)} ${count === 1 ? one : many}`;

/** `Verified: 3 streams, 4 events, no violations`, or how many violations it found. */
export function verifySummary(report: VerifyReport): string {
  const checked = `${plural(report.streamsChecked, 'stream', 'streams')}, ${plural(report.eventsChecked, 'event', 'events')}`;
  return report.violations.length === 0 && report.ok
    ? `Verified: ${checked}, no violations`
    : `Verify failed: ${checked}, ${plural(report.violations.length, 'violation', 'violations')}`;
}

const toTheSecond = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Europe/London' });

/** `24 Nov 2026, 10:30:05` (UK time): an auditor compares events recorded seconds apart. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? iso : toTheSecond.format(instant);
}
