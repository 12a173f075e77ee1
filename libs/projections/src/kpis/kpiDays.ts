import type { SqlExecutor } from '../db/readModelDb';
import { ISSUES_TABLE } from '../issues/issuesProjection';
import { type FilterSql, filterSql, type KpiFilter, unindexed, whereOf } from './kpiFilter';
import { nearestRank, roundDays } from './kpiFigures';

/** The durations the KPIs report: nearest-rank percentiles, in days to 2 decimals. */
export interface KpiDays {
  readonly medianDaysToResolve: number | null;
  readonly p90DaysToResolve: number | null;
  readonly medianDaysToFeedBack: number | null;
}

type DaysColumn = 'resolve_days' | 'feed_back_days';

/**
 * The value at a rank, read by the database (an index walk to the rank), never by loading
 * every duration; the counting pass said how many there are, so the rank is known. The walk
 * starts from the nearer end: the 90th percentile of n values is the (n − rank + 1)-th from
 * the top, a tenth of the walk.
 */
function valueAtRank(column: DaysColumn, filter: FilterSql, rank: number, count: number, offsetParam: number): { sql: string; offset: number } {
  const where = whereOf([...filter.conditions, `${column} IS NOT NULL`]);
  const fromTop = rank - 1 > count - rank;
  return {
    sql: `(SELECT ${column} FROM ${ISSUES_TABLE} ${where} ORDER BY ${column}${fromTop ? ' DESC' : ''} LIMIT 1 OFFSET $${offsetParam})`,
    offset: fromTop ? count - rank : rank - 1,
  };
}

/** Median and 90th percentile of days to resolve, median of days to feed back, in one statement. */
export async function kpiDays(db: SqlExecutor, filter: KpiFilter, counts: { firstResolutions: number; firstFeedBacks: number }): Promise<KpiDays> {
  const wanted: Array<{ name: keyof KpiDays; column: DaysColumn; percent: number; count: number }> = [
    { name: 'medianDaysToResolve', column: 'resolve_days', percent: 50, count: counts.firstResolutions },
    { name: 'p90DaysToResolve', column: 'resolve_days', percent: 90, count: counts.firstResolutions },
    { name: 'medianDaysToFeedBack', column: 'feed_back_days', percent: 50, count: counts.firstFeedBacks },
  ];
  const measured = wanted.filter(({ count }) => count > 0);
  const days: Record<keyof KpiDays, number | null> = { medianDaysToResolve: null, p90DaysToResolve: null, medianDaysToFeedBack: null };
  if (measured.length === 0) return days;
  // The walks must follow the durations' indexes (of every area, or of one): a loggedAt range
  // would let SQLite's planner read the period's rows through the loggedAt index and sort them.
  const sql = filterSql(filter, unindexed(db.dialect, ['loggedAt']));
  const walks = measured.map(({ column, percent, count }, i) => valueAtRank(column, sql, nearestRank(percent, count), count, sql.params.length + 1 + i));
  const [row] = await db.all<Record<string, unknown>>(
    `SELECT ${walks.map((walk, i) => `${walk.sql} AS value_${i}`).join(', ')}`,
    [...sql.params, ...walks.map((walk) => walk.offset)],
  );
  measured.forEach(({ name }, i) => {
    const value = row[`value_${i}`];
    days[name] = value === null || value === undefined ? null : roundDays(Number(value));
  });
  return days;
}
