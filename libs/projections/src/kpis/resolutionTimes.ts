import { numberOf, type SqlExecutor } from '../db/readModelDb';
import { filterSql, type KpiFilter, whereOf } from './kpiFilter';

/** One bar of the dashboard's distribution of days to (first) resolution: [from, to). */
export interface ResolutionTimeBucket {
  readonly label: string;
  readonly from: number;
  /** null: no upper bound. */
  readonly to: number | null;
  readonly count: number;
}

export const RESOLUTION_TIME_BUCKETS: ReadonlyArray<Omit<ResolutionTimeBucket, 'count'>> = [
  { label: '< 1 day', from: 0, to: 1 },
  { label: '1–7 days', from: 1, to: 7 },
  { label: '7–30 days', from: 7, to: 30 },
  { label: '30–90 days', from: 30, to: 90 },
  { label: '> 90 days', from: 90, to: null },
];

const bucketSums = RESOLUTION_TIME_BUCKETS.map(
  ({ from, to }, i) => `SUM(CASE WHEN resolve_days >= ${from}${to === null ? '' : ` AND resolve_days < ${to}`} THEN 1 ELSE 0 END) AS bucket_${i}`,
).join(', ');

/** How many of the filtered issues were first resolved within each span of days from being logged. */
export async function resolutionTimes(db: SqlExecutor, filter: KpiFilter): Promise<ResolutionTimeBucket[]> {
  const { conditions, params } = filterSql(filter);
  const [row] = await db.all<Record<string, unknown>>(
    `SELECT ${bucketSums} FROM issues ${whereOf([...conditions, 'resolve_days IS NOT NULL'])}`,
    params,
  );
  return RESOLUTION_TIME_BUCKETS.map((bucket, i) => ({ ...bucket, count: numberOf(row?.[`bucket_${i}`]) }));
}
