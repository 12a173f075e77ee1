import { ISSUE_STATUSES, type IssueStatus } from '@app/lifecycle';
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
  /** Open disputes (disputed_at) first, each part in `sort` order: the console's queue. */
  readonly disputesFirst?: boolean;
  readonly page: number;
  readonly pageSize: number;
}

export interface IssueListPage {
  readonly rows: IssueRow[];
  readonly total: number;
  /** Issues per status under every filter but `status` (and paging): every status, 0 when none. */
  readonly statusCounts: Record<IssueStatus, number>;
}

/**
 * The tracker's search: every filter of GET /issues, newest first or soonest deadline
 * (next_deadline_due) first. One grouped count serves both the total and the counts per status
 * (the status filter, when given, picks one of them), so they always agree with each other.
 */
export async function listIssues(db: SqlExecutor, filter: IssueListFilter, now: Date): Promise<IssueListPage> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  const add = (condition: (param: number) => string, value: SqlValue) => {
    params.push(value);
    where.push(condition(params.length));
  };
  if (filter.areas) {
    if (filter.areas.length === 0) return { rows: [], total: 0, statusCounts: countsOf([]) };
    const first = params.length + 1;
    params.push(...filter.areas);
    where.push(`area_id IN (${filter.areas.map((_, i) => `$${first + i}`).join(', ')})`);
  }
  if (filter.areaId) add((p) => `area_id = $${p}`, filter.areaId);
  if (filter.category) add((p) => `category = $${p}`, filter.category);
  if (filter.channel) add((p) => `channel = $${p}`, filter.channel);
  if (filter.officer) add((p) => `officer = $${p}`, filter.officer);
  if (filter.from) add((p) => `logged_at >= $${p}`, filter.from);
  if (filter.to) add((p) => `logged_at < $${p}`, filter.to);
  if (filter.q) add((p) => `search_text LIKE $${p} ESCAPE '\\'`, `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (filter.overdue) add((p) => overdueCondition('due_by', 'status', p), londonDate(now));

  // Counted before the status filter joins the others: the counts are of every status. The open
  // disputes are counted only when asked for (it reads the rows, not just an index).
  const disputes = filter.disputesFirst ? ', count(disputed_at) AS disputed' : '';
  const counted = await db.all<{ status: string; n: unknown; disputed?: unknown }>(`SELECT status, count(*) AS n${disputes} FROM issues ${whereClause(where)} GROUP BY status`, params);
  const statusCounts = countsOf(counted);
  const picked = filter.status ? counted.filter(({ status }) => status === filter.status) : counted;
  const total = picked.reduce((sum, { n }) => sum + numberOf(n), 0);
  if (filter.status) add((p) => `status = $${p}`, filter.status);

  const read = (condition: string | null, limit: number, offset: number) =>
    limit <= 0
      ? Promise.resolve([])
      : db.all<{ state: string }>(
          `SELECT state FROM issues ${whereClause(condition ? [...where, condition] : where)} ${orderOf(filter.sort)} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
          [...params, limit, offset],
        );
  const offset = (filter.page - 1) * filter.pageSize;
  let found: Array<{ state: string }>;
  if (filter.disputesFirst) {
    // Two parts read one after the other: the open disputes, then the rest, the page cut across them.
    const disputed = picked.reduce((sum, row) => sum + numberOf(row.disputed), 0);
    const first = await read('disputed_at IS NOT NULL', Math.min(filter.pageSize, disputed - offset), offset);
    found = [...first, ...(await read('disputed_at IS NULL', filter.pageSize - first.length, Math.max(0, offset - disputed)))];
  } else {
    found = await read(null, filter.pageSize, offset);
  }
  return { rows: found.map(({ state }) => JSON.parse(state) as IssueRow), total, statusCounts };
}

function orderOf(sort: IssueListFilter['sort']): string {
  return sort === 'nextDeadline'
    ? // Soonest running deadline first; SQLite puts NULLs first and PostgreSQL last unless told.
      'ORDER BY next_deadline_due ASC NULLS LAST, logged_at DESC, issue_id'
    : 'ORDER BY logged_at DESC, issue_id';
}

const whereClause = (where: readonly string[]) => (where.length > 0 ? `WHERE ${where.join(' AND ')}` : '');

/** Every status, with its count or 0. */
function countsOf(counted: ReadonlyArray<{ status: string; n: unknown }>): Record<IssueStatus, number> {
  const counts = Object.fromEntries(ISSUE_STATUSES.map((status) => [status, 0])) as Record<IssueStatus, number>;
  for (const { status, n } of counted) if (Object.hasOwn(counts, status)) counts[status as IssueStatus] = numberOf(n);
  return counts;
}
