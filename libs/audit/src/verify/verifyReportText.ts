import type { VerifyReport, Violation } from './violation';

const where = (violation: Violation) => {
  const subject = violation.issueId !== null ? `issue ${violation.issueId}` : (violation.streamId ?? 'store');
  return violation.version !== null ? `${subject} v${violation.version}` : subject;
};

/** The report as the CLI prints it: a summary line, then one line per violation naming its issue. */
export function verifyReportText(report: VerifyReport): string {
  const summary = `${report.streamsChecked} streams, ${report.eventsChecked} events checked`;
  if (report.ok) return `verify: OK: ${summary}, no violations`;
  const lines = report.violations.map((violation) => `  ${violation.kind.padEnd(18)} ${where(violation)}: ${violation.detail}`);
  return [`verify: FAILED: ${summary}, ${report.violations.length} violation(s):`, ...lines].join('\n');
}
