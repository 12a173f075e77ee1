import type { Dialect, SqlValue } from '../db/readModelDb';

/** Which issues the KPIs count: by area and by when they were logged. */
export interface KpiFilter {
  /** Only these areas (the caller's); undefined for every area. */
  readonly areas?: readonly string[];
  readonly areaId?: string;
  /** loggedAt in [from, to): ISO 8601 instants in UTC (`toISOString()` form, as loggedAt is kept). */
  readonly from?: string;
  readonly to?: string;
}

/** A filter as SQL conditions over the `issues` view, with its parameters ($1, $2, ...). */
export interface FilterSql {
  readonly conditions: readonly string[];
  readonly params: readonly SqlValue[];
}

/** How conditions name the columns they filter on. */
export interface FilterColumns {
  readonly areaId: string;
  readonly loggedAt: string;
}

export const FILTER_COLUMNS: FilterColumns = { areaId: 'area_id', loggedAt: 'logged_at' };

/**
 * The columns, for a read that must follow another index than theirs: on SQLite, `+column` is
 * the same value but keeps the planner, which has no statistics on the read models, from
 * choosing the column's own index. PostgreSQL has statistics, and no unary + for text.
 */
export const unindexed = (dialect: Dialect, columns: Array<keyof FilterColumns>): FilterColumns =>
  dialect === 'sqlite' ? { ...FILTER_COLUMNS, ...Object.fromEntries(columns.map((column) => [column, `+${FILTER_COLUMNS[column]}`])) } : FILTER_COLUMNS;

/** The filter's areas and period as conditions over the `issues` view. */
export function filterSql(filter: KpiFilter, columns: FilterColumns = FILTER_COLUMNS): FilterSql {
  let sql = areaSql(filter, columns.areaId);
  if (filter.from !== undefined) sql = withCondition(sql, (p) => `${columns.loggedAt} >= $${p}`, filter.from);
  if (filter.to !== undefined) sql = withCondition(sql, (p) => `${columns.loggedAt} < $${p}`, filter.to);
  return sql;
}

/** The filter's areas only, as conditions on `area_id` (of the `issues` view or of the count aggregate). */
export function areaSql(filter: Pick<KpiFilter, 'areas' | 'areaId'>, column = FILTER_COLUMNS.areaId): FilterSql {
  let sql: FilterSql = { conditions: [], params: [] };
  if (filter.areas) {
    // A caller who serves no area sees nothing, rather than everything.
    const list = filter.areas.map((_, i) => `$${i + 1}`).join(', ');
    sql = { conditions: [filter.areas.length === 0 ? '1 = 0' : `${column} IN (${list})`], params: [...filter.areas] };
  }
  if (filter.areaId !== undefined) sql = withCondition(sql, (p) => `${column} = $${p}`, filter.areaId);
  return sql;
}

/** The conditions and one more, on one more parameter. */
export const withCondition = (sql: FilterSql, condition: (param: number) => string, value: SqlValue): FilterSql => ({
  conditions: [...sql.conditions, condition(sql.params.length + 1)],
  params: [...sql.params, value],
});

/** `WHERE a AND b`, or nothing when there are no conditions. */
export const whereOf = (conditions: readonly string[]): string => (conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '');
