import { CHANNELS, ISSUE_STATUSES } from '@app/lifecycle';
import { londonDate, OPEN_STATUSES } from '@app/projections';
import type { ScorecardOutcome } from './demoScorecards';
import type { SentIssue } from './sendDemoPlan';

export interface DemoReport {
  readonly sent: readonly SentIssue[];
  readonly scorecards: ScorecardOutcome;
  /** Time taken: the whole run, sending the issues, recording the scorecards. */
  readonly seconds: { readonly total: number; readonly issues: number; readonly scorecards: number };
  readonly now: Date;
  readonly projections?: string;
}

/** What the demo wrote, for the operator: issues by status and channel, events, time taken. */
export function demoSummary({ sent, scorecards, seconds, now, projections }: DemoReport): string {
  const count = (key: (issue: SentIssue) => string, values: readonly string[]) =>
    values.map((value) => {
      const n = sent.filter((issue) => key(issue) === value).length;
      return `${value} ${n} (${percent(n, sent.length)})`;
    });
  const today = londonDate(now);
  const open: readonly string[] = OPEN_STATUSES;
  const overdue = sent.filter((issue) => issue.dueBy !== null && issue.dueBy < today && open.includes(issue.status)).length;
  const events = sent.reduce((sum, issue) => sum + issue.version, 0);
  return [
    `demo: wrote ${sent.length} issues and ${events} events in ${seconds.total.toFixed(1)} s`,
    `  issues sent in ${seconds.issues.toFixed(1)} s (${(events / Math.max(seconds.issues, 0.001)).toFixed(0)} events/s); scorecards in ${seconds.scorecards.toFixed(1)} s`,
    `  by status:  ${count((issue) => issue.status, ISSUE_STATUSES).join(', ')}`,
    `  by channel: ${count((issue) => issue.channel, CHANNELS).join(', ')}`,
    `  overdue (open, assigned, due date passed): ${overdue}`,
    scorecards.available
      ? `  scorecards: chosen for ${scorecards.areas} areas; ${scorecards.figures} recorded figures for ${scorecards.quarters.join(', ')}`
      : `  scorecards: not recorded: ${scorecards.reason}`,
    ...(projections ? [`  projections: ${projections}`] : []),
  ].join('\n');
}

const percent = (part: number, whole: number) => `${whole === 0 ? 0 : Math.round((100 * part) / whole)}%`;
