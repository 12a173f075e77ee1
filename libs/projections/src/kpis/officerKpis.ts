import { numberOf, type SqlExecutor } from '../db/readModelDb';
import { londonDate, overdueCondition } from '../issues/overdue';
import { filterSql, type KpiFilter, whereOf } from './kpiFilter';
import { type SlaByKind, slaOf, slaSums } from './slaKpis';

/** An officer's work among the filtered issues: those they are the current officer of. */
export interface OfficerFigures {
  readonly officer: string;
  readonly assigned: number;
  /** Of those, now resolved or fed back. */
  readonly resolved: number;
  /** Of those, open with their dueBy day over. */
  readonly overdue: number;
  /** Of those, the deadlines met and missed. */
  readonly sla: SlaByKind;
}

/** One row per current officer of the filtered issues, sorted by officer (code-unit order, the same on both databases). */
export async function officerKpis(db: SqlExecutor, filter: KpiFilter, now: Date): Promise<OfficerFigures[]> {
  const { conditions, params } = filterSql(filter);
  const rows = await db.all<{ officer: string; assigned: unknown; resolved: unknown; overdue: unknown } & Record<string, unknown>>(
    `SELECT officer, count(*) AS assigned,
       SUM(CASE WHEN status IN ('resolved', 'fedBack') THEN 1 ELSE 0 END) AS resolved,
       SUM(CASE WHEN ${overdueCondition('due_by', 'status', params.length + 1)} THEN 1 ELSE 0 END) AS overdue,
       ${slaSums(params.length + 1)}
     FROM issues ${whereOf([...conditions, 'officer IS NOT NULL'])}
     GROUP BY officer`,
    [...params, londonDate(now)],
  );
  return rows
    .map((row) => ({ officer: row.officer, assigned: numberOf(row.assigned), resolved: numberOf(row.resolved), overdue: numberOf(row.overdue), sla: slaOf(row) }))
    .sort((a, b) => (a.officer < b.officer ? -1 : a.officer > b.officer ? 1 : 0));
}
