import { CHANNELS, ISSUE_STATUSES, type IssueEvent } from '@app/lifecycle';
import type { KpiFigures } from '../computeKpis';
import type { KpiFilter } from '../kpiFilter';

/**
 * The KPIs as the contract defines them, computed the slow and obvious way over plain objects,
 * to check the database's figures against. Written apart from the code it checks: its own
 * rounding, ranks and dates.
 */
export interface NaiveIssue {
  readonly areaId: string;
  readonly loggedAt: string;
  readonly status: string;
  readonly channel: string;
  readonly reachedBoardReview: boolean;
  readonly reachedRoundtable: boolean;
  readonly firstResolvedAt: string | null;
  readonly firstFedBackAt: string | null;
  readonly dueBy: string | null;
}

const STATUS_AFTER: Partial<Record<IssueEvent['type'], string>> = {
  IssueLogged: 'logged',
  IssueReferred: 'referred',
  BoardReviewScheduled: 'boardReview',
  RoundtableConvened: 'roundtable',
  IssueResolved: 'resolved',
  OutcomeFedBack: 'fedBack',
  IssueReopened: 'logged',
  IssueWithdrawn: 'withdrawn',
};

/** An issue as its events tell it (not as any projection keeps it). */
export function naiveIssueOf(events: readonly IssueEvent[]): NaiveIssue {
  const [logged] = events;
  if (logged.type !== 'IssueLogged') throw new Error('a history starts with IssueLogged');
  const first = (type: IssueEvent['type']) => events.find((event) => event.type === type)?.occurredAt ?? null;
  const assigned = events.filter((event) => event.type === 'OfficerAssigned');
  const last = assigned[assigned.length - 1];
  return {
    areaId: logged.data.areaId,
    loggedAt: logged.occurredAt,
    channel: logged.data.channel,
    status: events.reduce((status, event) => STATUS_AFTER[event.type] ?? status, 'logged'),
    reachedBoardReview: events.some((event) => event.type === 'BoardReviewScheduled'),
    reachedRoundtable: events.some((event) => event.type === 'RoundtableConvened'),
    firstResolvedAt: first('IssueResolved'),
    firstFedBackAt: first('OutcomeFedBack'),
    dueBy: last && last.type === 'OfficerAssigned' ? last.data.dueBy : null,
  };
}

const DAY_MS = 86_400_000;
const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part * 10_000) / whole) / 10_000);
const days = (value: number | undefined) => (value === undefined ? null : Math.round(value * 100) / 100);
/** Nearest rank: the smallest value with at least p% of the values at or below it. */
function percentile(values: readonly number[], percent: number): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; i++) if ((i + 1) * 100 >= percent * sorted.length) return sorted[i];
  return undefined;
}
const londonDay = (now: Date) => now.toLocaleDateString('en-CA', { timeZone: 'Europe/London' });

/** GET /kpis's figures over these issues, for a filter. */
export function naiveKpis(all: readonly NaiveIssue[], filter: KpiFilter, now: Date): KpiFigures {
  const issues = all.filter(
    (issue) =>
      (filter.areas === undefined || filter.areas.includes(issue.areaId)) &&
      (filter.areaId === undefined || issue.areaId === filter.areaId) &&
      (filter.from === undefined || issue.loggedAt >= filter.from) &&
      (filter.to === undefined || issue.loggedAt < filter.to),
  );
  const count = (test: (issue: NaiveIssue) => boolean) => issues.filter(test).length;
  const byStatus = Object.fromEntries(ISSUE_STATUSES.map((status) => [status, count((issue) => issue.status === status)])) as KpiFigures['byStatus'];
  const byChannel = Object.fromEntries(CHANNELS.map((channel) => [channel, count((issue) => issue.channel === channel)])) as KpiFigures['byChannel'];
  const resolved = byStatus.resolved + byStatus.fedBack;
  const boardReviews = count((issue) => issue.reachedBoardReview);
  const toResolve = issues.filter((issue) => issue.firstResolvedAt !== null).map((issue) => (Date.parse(issue.firstResolvedAt!) - Date.parse(issue.loggedAt)) / DAY_MS);
  const toFeedBack = issues
    .filter((issue) => issue.firstResolvedAt !== null && issue.firstFedBackAt !== null)
    .map((issue) => (Date.parse(issue.firstFedBackAt!) - Date.parse(issue.firstResolvedAt!)) / DAY_MS);
  const today = londonDay(now);
  const months = [...new Set(issues.flatMap((issue) => [issue.loggedAt.slice(0, 7), ...(issue.firstResolvedAt ? [issue.firstResolvedAt.slice(0, 7)] : [])]))].sort();
  return {
    raised: issues.length,
    byChannel,
    electronicShare: share(byChannel.online + byChannel.email, issues.length),
    byStatus,
    resolved,
    resolutionRate: share(resolved, issues.length - byStatus.withdrawn),
    medianDaysToResolve: days(percentile(toResolve, 50)),
    p90DaysToResolve: days(percentile(toResolve, 90)),
    fedBackRate: share(byStatus.fedBack, resolved),
    medianDaysToFeedBack: days(percentile(toFeedBack, 50)),
    boardReviews,
    roundtableRate: share(count((issue) => issue.reachedRoundtable), boardReviews),
    overdue: count((issue) => ['logged', 'referred', 'boardReview', 'roundtable'].includes(issue.status) && issue.dueBy !== null && issue.dueBy < today),
    monthly: months.map((month) => ({
      month,
      raised: count((issue) => issue.loggedAt.slice(0, 7) === month),
      resolved: count((issue) => issue.firstResolvedAt?.slice(0, 7) === month),
    })),
  };
}
