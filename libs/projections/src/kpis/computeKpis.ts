import type { Channel, IssueStatus } from '@app/lifecycle';
import type { SqlExecutor } from '../db/readModelDb';
import { countKpis } from './kpiCounts';
import { kpiDays } from './kpiDays';
import type { KpiFilter } from './kpiFilter';
import { rate } from './kpiFigures';
import { type SlaByKind, slaKpis } from './slaKpis';

export interface MonthlyFigures {
  readonly month: string;
  readonly raised: number;
  readonly resolved: number;
}

/** GET /kpis's figures (without asOfPosition, which the caller reads first). */
export interface KpiFigures {
  readonly raised: number;
  readonly byChannel: Record<Channel, number>;
  readonly electronicShare: number;
  readonly byStatus: Record<IssueStatus, number>;
  readonly resolved: number;
  readonly resolutionRate: number;
  readonly medianDaysToResolve: number | null;
  readonly p90DaysToResolve: number | null;
  readonly fedBackRate: number;
  readonly medianDaysToFeedBack: number | null;
  /** Issues whose resident confirmed an outcome / issues ever fed back. */
  readonly confirmedRate: number;
  /** Issues whose resident disputed an outcome / issues ever fed back. */
  readonly disputedRate: number;
  readonly boardReviews: number;
  readonly roundtableRate: number;
  readonly overdue: number;
  readonly monthly: MonthlyFigures[];
  /** Met and missed deadlines of each kind (slaKpis). */
  readonly sla: SlaByKind;
  readonly medianWorkingDaysToResolve: number | null;
}

/**
 * The dashboard's figures over the issues the filter picks, computed in the database: the
 * counts (mostly from the count aggregate, see countKpis), then the percentiles at the ranks
 * those counts give, by index walks over the `issues` view.
 */
export async function computeKpis(db: SqlExecutor, filter: KpiFilter, now: Date): Promise<KpiFigures> {
  const counts = await countKpis(db, filter, now);
  const days = await kpiDays(db, filter, counts);
  const { sla, medianWorkingDaysToResolve } = await slaKpis(db, filter, now);
  const { raised, byChannel, byStatus } = counts;
  const resolved = byStatus.resolved + byStatus.fedBack;
  return {
    raised,
    byChannel,
    electronicShare: rate(byChannel.online + byChannel.email, raised),
    byStatus,
    resolved,
    resolutionRate: rate(resolved, raised - byStatus.withdrawn),
    medianDaysToResolve: days.medianDaysToResolve,
    p90DaysToResolve: days.p90DaysToResolve,
    fedBackRate: rate(byStatus.fedBack, resolved),
    medianDaysToFeedBack: days.medianDaysToFeedBack,
    confirmedRate: rate(counts.confirmed, counts.firstFeedBacks),
    disputedRate: rate(counts.disputed, counts.firstFeedBacks),
    boardReviews: counts.boardReviews,
    roundtableRate: rate(counts.roundtables, counts.boardReviews),
    overdue: counts.overdue,
    monthly: counts.monthly,
    sla,
    medianWorkingDaysToResolve,
  };
}
