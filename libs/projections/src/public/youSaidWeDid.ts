import type { IssueStatus } from '@app/lifecycle';
import { numberOf, type SqlExecutor, type SqlValue } from '../db/readModelDb';
import { PUBLIC_ISSUES_TABLE, type RawPublicIssueRow, toPublicIssueRow } from './publicTables';

export interface YouSaidWeDidFilter {
  /** Only this area's issues; all areas when absent. */
  readonly areaId?: string;
  readonly limit: number;
  readonly offset: number;
}

/** An issue residents raised and what the council did about it. */
export interface YouSaidWeDidItem {
  readonly reference: string;
  readonly title: string;
  readonly category: string;
  readonly areaId: string;
  readonly status: IssueStatus;
  readonly loggedAt: string;
  readonly resolvedAt: string;
  readonly outcome: string;
}

export interface YouSaidWeDidPage {
  readonly items: YouSaidWeDidItem[];
  readonly total: number;
}

/**
 * "You said, we did": issues resolved or fed back, with their outcomes, latest resolution
 * first (ties by reference, newest first, so pages never overlap).
 */
export async function youSaidWeDid(db: SqlExecutor, filter: YouSaidWeDidFilter): Promise<YouSaidWeDidPage> {
  const params: SqlValue[] = ['resolved', 'fedBack'];
  let where = 'status IN ($1, $2) AND resolved_at IS NOT NULL AND outcome IS NOT NULL';
  if (filter.areaId !== undefined) {
    params.push(filter.areaId);
    where += ` AND area_id = $${params.length}`;
  }
  // The page and its total in one statement, so both come from the same moment.
  const found = await db.all<RawPublicIssueRow & { total_count: unknown }>(
    `SELECT *, count(*) OVER () AS total_count FROM ${PUBLIC_ISSUES_TABLE} WHERE ${where} ORDER BY resolved_at DESC, reference DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, filter.limit, filter.offset],
  );
  // A page past the end has no row to carry the total: count on its own.
  const total =
    found.length > 0 ? found[0].total_count : (await db.all<{ total: unknown }>(`SELECT count(*) AS total FROM ${PUBLIC_ISSUES_TABLE} WHERE ${where}`, params))[0].total;
  const items = found.map(toPublicIssueRow).map((row) => ({
    reference: row.reference,
    title: row.title,
    category: row.category,
    areaId: row.areaId,
    status: row.status,
    loggedAt: row.loggedAt,
    resolvedAt: row.resolvedAt!,
    outcome: row.outcome!,
  }));
  return { items, total: numberOf(total) };
}
