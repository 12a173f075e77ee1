import { CHANNELS, type DeadlineKind, ISSUE_STATUSES, type IssueEvent, type ServiceLevelPolicy } from '@app/lifecycle';
import type { KpiFigures } from '../computeKpis';
import type { KpiFilter } from '../kpiFilter';
import type { OfficerFigures } from '../officerKpis';
import type { SlaByKind } from '../slaKpis';
import { type NaiveDeadlines, naiveDeadlinesOf, naiveStates } from './naiveDeadlines';

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
  /** The resident confirmed an outcome, or disputed one, at least once. */
  readonly everConfirmed: boolean;
  readonly everDisputed: boolean;
  readonly dueBy: string | null;
  readonly officer: string | null;
  readonly deadlines: NaiveDeadlines;
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
  ResidentAsked: 'awaitingResident',
};

/** The status after each event; a reply returns to the status the question was asked from. */
function statusOf(events: readonly IssueEvent[]): string {
  let status = 'logged';
  let asked = 'logged';
  for (const event of events) {
    if (event.type === 'ResidentAsked') asked = status;
    status = event.type === 'ResidentReplied' ? asked : (STATUS_AFTER[event.type] ?? status);
  }
  return status;
}

/** An issue as its events tell it (not as any projection keeps it), its deadlines by these policies (the first in force). */
export function naiveIssueOf(events: readonly IssueEvent[], policies: readonly ServiceLevelPolicy[]): NaiveIssue {
  const [logged] = events;
  if (logged.type !== 'IssueLogged') throw new Error('a history starts with IssueLogged');
  const first = (type: IssueEvent['type']) => events.find((event) => event.type === type)?.occurredAt ?? null;
  const assigned = events.filter((event) => event.type === 'OfficerAssigned');
  const last = assigned[assigned.length - 1];
  return {
    areaId: logged.data.areaId,
    loggedAt: logged.occurredAt,
    channel: logged.data.channel,
    status: statusOf(events),
    reachedBoardReview: events.some((event) => event.type === 'BoardReviewScheduled'),
    reachedRoundtable: events.some((event) => event.type === 'RoundtableConvened'),
    firstResolvedAt: first('IssueResolved'),
    firstFedBackAt: first('OutcomeFedBack'),
    everConfirmed: events.some((event) => event.type === 'OutcomeConfirmed'),
    everDisputed: events.some((event) => event.type === 'OutcomeDisputed'),
    dueBy: last && last.type === 'OfficerAssigned' ? last.data.dueBy : null,
    officer: last && last.type === 'OfficerAssigned' ? last.data.officer : null,
    deadlines: naiveDeadlinesOf(events, policies),
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
const OPEN = ['logged', 'referred', 'boardReview', 'roundtable', 'awaitingResident'];

/** Met and missed deadlines among these issues, each judged by deadlineOf on today. */
function naiveSla(issues: readonly NaiveIssue[], today: string): SlaByKind {
  const states = issues.flatMap((issue) => naiveStates(issue.deadlines, today));
  const figures = (kind: DeadlineKind) => {
    const met = states.filter((deadline) => deadline.kind === kind && deadline.state === 'met').length;
    const missed = states.filter((deadline) => deadline.kind === kind && deadline.state === 'missed').length;
    return { met, missed, rate: share(met, met + missed) };
  };
  return { acknowledge: figures('acknowledge'), resolve: figures('resolve'), feedBack: figures('feedBack') };
}

const matches = (issue: NaiveIssue, filter: KpiFilter) =>
  (filter.areas === undefined || filter.areas.includes(issue.areaId)) &&
  (filter.areaId === undefined || issue.areaId === filter.areaId) &&
  (filter.from === undefined || issue.loggedAt >= filter.from) &&
  (filter.to === undefined || issue.loggedAt < filter.to);

/** GET /kpis's figures over these issues, for a filter. */
export function naiveKpis(all: readonly NaiveIssue[], filter: KpiFilter, now: Date): KpiFigures {
  const issues = all.filter((issue) => matches(issue, filter));
  const count = (test: (issue: NaiveIssue) => boolean) => issues.filter(test).length;
  const byStatus = Object.fromEntries(ISSUE_STATUSES.map((status) => [status, count((issue) => issue.status === status)])) as KpiFigures['byStatus'];
  const byChannel = Object.fromEntries(CHANNELS.map((channel) => [channel, count((issue) => issue.channel === channel)])) as KpiFigures['byChannel'];
  const resolved = byStatus.resolved + byStatus.fedBack;
  const boardReviews = count((issue) => issue.reachedBoardReview);
  const everFedBack = count((issue) => issue.firstFedBackAt !== null);
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
    confirmedRate: share(count((issue) => issue.everConfirmed), everFedBack),
    disputedRate: share(count((issue) => issue.everDisputed), everFedBack),
    boardReviews,
    roundtableRate: share(count((issue) => issue.reachedRoundtable), boardReviews),
    overdue: count((issue) => OPEN.includes(issue.status) && issue.dueBy !== null && issue.dueBy < today),
    monthly: months.map((month) => ({
      month,
      raised: count((issue) => issue.loggedAt.slice(0, 7) === month),
      resolved: count((issue) => issue.firstResolvedAt?.slice(0, 7) === month),
    })),
    sla: naiveSla(issues, today),
    medianWorkingDaysToResolve: days(percentile(issues.flatMap((issue) => (issue.deadlines.workingDaysToResolve === null ? [] : [issue.deadlines.workingDaysToResolve])), 50)),
  };
}

/** GET /kpis/officers's rows over these issues, for a filter: by current officer, in code-unit order. */
export function naiveOfficerKpis(all: readonly NaiveIssue[], filter: KpiFilter, now: Date): OfficerFigures[] {
  const today = londonDay(now);
  const issues = all.filter((issue) => matches(issue, filter) && issue.officer !== null);
  const officers = [...new Set(issues.map((issue) => issue.officer!))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return officers.map((officer) => {
    const theirs = issues.filter((issue) => issue.officer === officer);
    return {
      officer,
      assigned: theirs.length,
      resolved: theirs.filter((issue) => issue.status === 'resolved' || issue.status === 'fedBack').length,
      overdue: theirs.filter((issue) => OPEN.includes(issue.status) && issue.dueBy !== null && issue.dueBy < today).length,
      sla: naiveSla(theirs, today),
    };
  });
}
