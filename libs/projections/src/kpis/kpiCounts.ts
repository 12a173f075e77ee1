import { numberOf, type SqlExecutor, type SqlValue } from '../db/readModelDb';
import { factsOf, ISSUE_COUNTS_TABLE } from '../issues/issueCounts';
import { ISSUES_TABLE } from '../issues/issuesProjection';
import { londonDate, overdueCondition } from '../issues/overdue';
import { areaSql, filterSql, type FilterSql, type KpiFilter, unindexed, whereOf, withCondition } from './kpiFilter';
import { type LoggedPeriod, type RowPeriod, splitByMonth } from './kpiMonths';
import { type KpiCounts, KpiTally } from './kpiTally';

export type { KpiCounts } from './kpiTally';

/** A SELECT of the counting statement, with its own parameters ($1, $2, ...). */
interface Part {
  readonly sql: string;
  readonly params: readonly SqlValue[];
}

/**
 * What every part returns, `part` saying which part it is. `totals`: n issues have a fact
 * (`fact`, `value`); `raised`: n raised in `month`; `resolved`: n first resolved in `month`;
 * `rows`: n issues logged in `month`, now in status `fact`, by channel `value`, first resolved
 * in `resolved_month`, with `flags` 1 board review, 2 roundtable, 4 fed back, 8 confirmed, 16 disputed (n negative when
 * taken off); `overdue`: n. Few columns: the rows are turned into objects one by one.
 */
interface CountRow {
  part: 'totals' | 'raised' | 'resolved' | 'rows' | 'overdue';
  month: string | null;
  fact: string | null;
  value: string | null;
  resolved_month: string | null;
  flags: unknown;
  n: unknown;
}

/**
 * Every count of the KPIs over the filtered issues, in one statement (one snapshot: a page
 * written meanwhile is in every part or in none): whole months from the count aggregate (a
 * few rows per area and month, whatever the number of issues), corrected from the rows at a
 * from/to that is not on a month's start (see splitByMonth), and overdue from the rows (it
 * depends on today).
 */
export async function countKpis(db: SqlExecutor, filter: KpiFilter, now: Date): Promise<KpiCounts> {
  const { months, rows } = splitByMonth(filter);
  const parts = [...(months ? wholeMonths(filter, months) : []), ...rows.map((period) => rowGroups(filter, period)), overdue(db, filter, now)];
  const tally = new KpiTally();
  let overdueIssues = 0;
  for (const row of await db.all<CountRow>(...unionAll(parts))) {
    const n = numberOf(row.n);
    if (row.part === 'totals') tally.addTotal(row.fact!, row.value!, n);
    else if (row.part === 'raised' || row.part === 'resolved') tally.addMonth(row.month!, row.part, n);
    else if (row.part === 'rows') addGroup(tally, row, n);
    else overdueIssues = n;
  }
  return tally.counts(overdueIssues);
}

/** The aggregate's counts of the filter's areas over whole months: in total, and the two monthly series. */
function wholeMonths(filter: KpiFilter, months: LoggedPeriod): Part[] {
  let sql = areaSql(filter);
  if (months.from !== undefined) sql = withCondition(sql, (p) => `logged_month >= $${p}`, months.from);
  if (months.to !== undefined) sql = withCondition(sql, (p) => `logged_month < $${p}`, months.to);
  const where = (fact?: string) => whereOf([...sql.conditions, ...(fact ? [`fact = '${fact}'`] : [])]);
  return [
    { sql: `SELECT 'totals' AS ${columns(['NULL', 'fact', 'value', 'NULL', NULL_FLAGS, 'SUM(n)'])} FROM ${ISSUE_COUNTS_TABLE} ${where()} GROUP BY fact, value`, params: sql.params },
    { sql: `SELECT 'raised' AS ${columns(['logged_month', 'NULL', 'NULL', 'NULL', NULL_FLAGS, 'SUM(n)'])} FROM ${ISSUE_COUNTS_TABLE} ${where('status')} GROUP BY logged_month`, params: sql.params },
    { sql: `SELECT 'resolved' AS ${columns(['value', 'NULL', 'NULL', 'NULL', NULL_FLAGS, 'SUM(n)'])} FROM ${ISSUE_COUNTS_TABLE} ${where('firstResolved')} GROUP BY value`, params: sql.params },
  ];
}

/** A period's issues, grouped by what the KPIs count of them, to add (or take off). */
function rowGroups(filter: KpiFilter, { from, to, sign }: RowPeriod): Part {
  const { conditions, params } = filterSql({ areas: filter.areas, areaId: filter.areaId, from, to });
  const flags = [
    'reached_board_review + 2 * reached_roundtable',
    'CASE WHEN feed_back_days IS NULL THEN 0 ELSE 4 END',
    'CASE WHEN first_confirmed_at IS NULL THEN 0 ELSE 8 END',
    'CASE WHEN first_disputed_at IS NULL THEN 0 ELSE 16 END',
  ].join(' + ');
  return {
    sql: `SELECT 'rows' AS ${columns(['substr(logged_at, 1, 7)', 'status', 'channel', 'substr(first_resolved_at, 1, 7)', flags, `${sign} * count(*)`])}
      FROM ${ISSUES_TABLE} ${whereOf(conditions)} GROUP BY 2, 3, 4, 5, 6`,
    params,
  };
}

/** A group's facts, as the aggregate counts them. */
function addGroup(tally: KpiTally, row: CountRow, n: number): void {
  const flags = numberOf(row.flags);
  const facts = factsOf({
    status: row.fact!,
    channel: row.value!,
    reachedBoardReview: (flags & 1) !== 0,
    reachedRoundtable: (flags & 2) !== 0,
    firstResolvedMonth: row.resolved_month,
    firstFedBack: (flags & 4) !== 0,
    confirmed: (flags & 8) !== 0,
    disputed: (flags & 16) !== 0,
  });
  for (const [fact, value] of facts) tally.add(row.month!, fact, value, n);
}

/**
 * Open issues whose dueBy day is over. Read through the (status, due_by, area_id, logged_at)
 * index: per open status only the issues due before today are visited, and the area and
 * period are checked in the index, never in the rows.
 */
function overdue(db: SqlExecutor, filter: KpiFilter, now: Date): Part {
  const { conditions, params }: FilterSql = filterSql(filter, unindexed(db.dialect, ['areaId', 'loggedAt']));
  return {
    sql: `SELECT 'overdue' AS ${columns(['NULL', 'NULL', 'NULL', 'NULL', NULL_FLAGS, 'count(*)'])} FROM ${ISSUES_TABLE} ${whereOf([...conditions, overdueCondition('due_by', 'status', params.length + 1)])}`,
    params: [...params, londonDate(now)],
  };
}

/**
 * A part's columns after `part`, named in every part: the left-most part names the columns, and
 * it is not always the same one.
 */
const columns = (values: readonly [string, string, string, string, string, string]) =>
  ['part', ...values.map((value, i) => `${value} AS ${['month', 'fact', 'value', 'resolved_month', 'flags', 'n'][i]}`)].join(', ');
// PostgreSQL types a column of a UNION from its first parts: an untyped NULL there would make flags text.
const NULL_FLAGS = 'CAST(NULL AS INTEGER)';

/** The parts as one statement, each part's parameters numbered after the previous parts'. */
function unionAll(parts: readonly Part[]): [string, SqlValue[]] {
  const params: SqlValue[] = [];
  const selects = parts.map((part) => {
    const offset = params.length;
    params.push(...part.params);
    return part.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
  });
  return [selects.join('\nUNION ALL\n'), params];
}
