import { type Channel, CHANNELS, type IssueStatus, ISSUE_STATUSES } from '@app/lifecycle';
import type { IssueFact } from '../issues/issueCounts';

/** What the KPIs count over the filtered issues, before any rate or percentile. */
export interface KpiCounts {
  readonly raised: number;
  readonly byChannel: Record<Channel, number>;
  readonly byStatus: Record<IssueStatus, number>;
  readonly boardReviews: number;
  readonly roundtables: number;
  readonly overdue: number;
  /** Issues with a first resolution (a resolve_days to measure). */
  readonly firstResolutions: number;
  /** Issues with a first feedback after their first resolution (a feed_back_days): every issue ever fed back, as only a resolved issue is fed back. */
  readonly firstFeedBacks: number;
  /** Issues whose resident confirmed an outcome at least once. */
  readonly confirmed: number;
  /** Issues whose resident disputed an outcome at least once. */
  readonly disputed: number;
  /** Raised by month of loggedAt, and first resolutions by their month, ascending. */
  readonly monthly: Array<{ readonly month: string; readonly raised: number; readonly resolved: number }>;
}

/**
 * Sums counts of facts (issue_counts' rows, and groups of rows counted from the `issues` view,
 * added or taken off) into the KPIs' counts: every issue has one status, so the statuses sum
 * to those raised.
 */
export class KpiTally {
  private readonly facts = new Map<string, Map<string, number>>();
  private readonly months = new Map<string, { raised: number; resolved: number }>();

  /** `n` more issues logged in `loggedMonth` have this fact (fewer, when `n` is negative). */
  add(loggedMonth: string, fact: string, value: string, n: number): void {
    this.addTotal(fact, value, n);
    if (fact === 'status') this.addMonth(loggedMonth, 'raised', n);
    if (fact === 'firstResolved') this.addMonth(value, 'resolved', n);
  }

  /** `n` more issues have this fact, whatever their month. */
  addTotal(fact: string, value: string, n: number): void {
    if (n === 0) return;
    const values = this.facts.get(fact) ?? new Map<string, number>();
    values.set(value, (values.get(value) ?? 0) + n);
    this.facts.set(fact, values);
  }

  /** `n` more issues raised, or first resolved, in `month`. */
  addMonth(month: string, series: 'raised' | 'resolved', n: number): void {
    if (n === 0) return;
    let figures = this.months.get(month);
    if (!figures) this.months.set(month, (figures = { raised: 0, resolved: 0 }));
    figures[series] += n;
  }

  counts(overdue: number): KpiCounts {
    const of = (fact: IssueFact, value = '') => this.facts.get(fact)?.get(value) ?? 0;
    const total = (fact: IssueFact) => [...(this.facts.get(fact)?.values() ?? [])].reduce((sum, n) => sum + n, 0);
    return {
      raised: total('status'),
      byChannel: Object.fromEntries(CHANNELS.map((channel) => [channel, of('channel', channel)])) as Record<Channel, number>,
      byStatus: Object.fromEntries(ISSUE_STATUSES.map((status) => [status, of('status', status)])) as Record<IssueStatus, number>,
      boardReviews: of('boardReview'),
      roundtables: of('roundtable'),
      overdue,
      firstResolutions: total('firstResolved'),
      firstFeedBacks: of('firstFedBack'),
      confirmed: of('confirmed'),
      disputed: of('disputed'),
      // A month whose issues were all taken off again (outside the period) is not one of its months.
      monthly: [...this.months.entries()]
        .filter(([, figures]) => figures.raised !== 0 || figures.resolved !== 0)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([month, figures]) => ({ month, ...figures })),
    };
  }
}
