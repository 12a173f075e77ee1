import type { SqlExecutor, SqlValue } from '../db/readModelDb';
import { numberOf } from '../db/readModelDb';
import type { IssueRow } from './issueRow';
import { londonDate, overdueCondition } from './overdue';

export interface IssueListFilter {
  readonly status?: string;
  /** Only these areas (the caller's); undefined for all. */
  readonly areas?: readonly string[];
  readonly areaId?: string;
  readonly category?: string;
  readonly channel?: string;
  /** Text in the title, description or reference, case-insensitive. */
  readonly q?: string;
  /** loggedAt in [from, to). */
  readonly from?: string;
  readonly to?: string;
  readonly overdue?: boolean;
  readonly officer?: string;
  readonly sort?: 'newest' | 'nextDeadline';
  readonly page: number;
  readonly pageSize: number;
}

export interface IssueListPage {
  readonly rows: IssueRow[];
  readonly total: number;
}

/** The tracker's search: every filter of GET /issues, newest first or soonest deadline (next_deadline_due) first. */
export async function listIssues(db: SqlExecutor, filter: IssueListFilter, now: Date): Promise<IssueListPage> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  const add = (condition: (param: number) => string, value: SqlValue) => {
    params.push(value);
    where.push(condition(params.length));
  };
  if (filter.areas) {
    if (filter.areas.length === 0) return { rows: [], total: 0 };
    const first = params.length + 1;
    params.push(...filter.areas);
    where.push(`area_id IN (${filter.areas.map((_, i) => `$${first + i}`).join(', ')})`);
  }
  if (filter.status) add((p) => `status = $${p}`, filter.status);
  if (filter.areaId) add((p) => `area_id = $${p}`, filter.areaId);
  if (filter.category) add((p) => `category = $${p}`, filter.category);
  if (filter.channel) add((p) => `channel = $${p}`, filter.channel);
  if (filter.officer) add((p) => `officer = $${p}`, filter.officer);
  if (filter.from) add((p) => `logged_at >= $${p}`, filter.from);
  if (filter.to) add((p) => `logged_at < $${p}`, filter.to);
  if (filter.q) add((p) => `search_text LIKE $${p} ESCAPE '\\'`, `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (filter.overdue) add((p) => overdueCondition('due_by', 'status', p), londonDate(now));

  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const order =
    filter.sort === 'nextDeadline'
      ? // Soonest running deadline first; SQLite puts NULLs first and PostgreSQL last unless told.
        'ORDER BY next_deadline_due ASC NULLS LAST, logged_at DESC, issue_id'
      : 'ORDER BY logged_at DESC, issue_id';
  const [{ total }] = await db.all<{ total: unknown }>(`SELECT count(*) AS total FROM issues ${clause}`, params);
  const offset = (filter.page - 1) * filter.pageSize;
  const found = await db.all<{ state: string }>(
    `SELECT state FROM issues ${clause} ${order} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, filter.pageSize, offset],
  );
  return { rows: found.map(({ state }) => JSON.parse(state) as IssueRow), total: numberOf(total) };
}
