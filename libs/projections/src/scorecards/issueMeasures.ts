import { formatQuarter, type IssueMeasure, type Quarter, quarterOf } from '@app/lifecycle';
import { nearestRank, roundDays } from '../kpis/kpiFigures';

/** What a scorecard needs of one issue of the area (a row of the `issues` view). */
export interface IssueFacts {
  readonly category: string;
  readonly loggedAt: string;
  /** The first IssueResolved's occurredAt: a reopened and re-resolved issue keeps it. */
  readonly firstResolvedAt: string | null;
  readonly firstFedBackAt: string | null;
  /** First resolution − loggedAt, in days (the KPIs' days to resolve). */
  readonly resolveDays: number | null;
}

/** An area's issues by quarter (`YYYY-Qn`, Europe/London) of being logged and of first being resolved. */
export interface IssuesByQuarter {
  readonly logged: ReadonlyMap<string, readonly IssueFacts[]>;
  readonly firstResolved: ReadonlyMap<string, readonly IssueFacts[]>;
}

export function byQuarter(issues: readonly IssueFacts[]): IssuesByQuarter {
  const logged = new Map<string, IssueFacts[]>();
  const firstResolved = new Map<string, IssueFacts[]>();
  const add = (map: Map<string, IssueFacts[]>, at: string, issue: IssueFacts) => {
    const quarter = londonQuarterOf(at);
    const list = map.get(quarter);
    if (list) list.push(issue);
    else map.set(quarter, [issue]);
  };
  for (const issue of issues) {
    add(logged, issue.loggedAt, issue);
    if (issue.firstResolvedAt !== null) add(firstResolved, issue.firstResolvedAt, issue);
  }
  return { logged, firstResolved };
}

/**
 * `quarterOf` (Europe/London) as `YYYY-Qn`, asking Intl only where it matters: London is UTC or
 * one hour ahead of it, so an instant can fall in another quarter there than in UTC only on the
 * last day (UTC) of a quarter. Intl costs microseconds a call, which a card over thousands of
 * issues notices.
 */
export function londonQuarterOf(at: string): string {
  const instant = new Date(at);
  const year = instant.getUTCFullYear();
  const month = instant.getUTCMonth();
  const lastDayOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  if (month % 3 === 2 && instant.getUTCDate() === lastDayOfMonth) return formatQuarter(quarterOf(instant));
  return formatQuarter({ year, quarter: (Math.floor(month / 3) + 1) as Quarter['quarter'] });
}

/**
 * One issue-derived indicator's value for one quarter, as `IssueMeasure` (indicators.ts)
 * defines it: counts are 0 when nothing happened; shares (0–100, 2 decimals) and the median
 * are null when no issue was first resolved in the quarter, as there is nothing to measure.
 */
export function measureQuarter(measure: IssueMeasure, issues: IssuesByQuarter, quarter: string): number | null {
  const ofCategory = (list: readonly IssueFacts[], category?: string) => (category === undefined ? list : list.filter((issue) => issue.category === category));
  const resolved = issues.firstResolved.get(quarter) ?? [];
  switch (measure.kind) {
    case 'raised':
      return ofCategory(issues.logged.get(quarter) ?? [], measure.category).length;
    case 'resolved':
      return ofCategory(resolved, measure.category).length;
    case 'resolvedWithinDays':
      return percent(resolved.filter((issue) => issue.resolveDays !== null && issue.resolveDays <= measure.days).length, resolved.length);
    case 'medianDaysToResolve':
      return median(resolved.map((issue) => issue.resolveDays).filter((days): days is number => days !== null));
    case 'fedBack':
      return percent(resolved.filter((issue) => issue.firstFedBackAt !== null).length, resolved.length);
  }
}

/** A share from 0 to 100, to 2 decimals (integer arithmetic first, so 2/3 is 66.67); null of nothing. */
const percent = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part * 10_000) / whole) / 100);

/** Nearest rank, as the KPIs count it: the ceil(n/2)-th smallest, in days to 2 decimals. */
function median(days: readonly number[]): number | null {
  if (days.length === 0) return null;
  const sorted = [...days].sort((a, b) => a - b);
  return roundDays(sorted[nearestRank(50, sorted.length) - 1]);
}
