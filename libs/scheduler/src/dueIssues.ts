import type { SqlExecutor } from '@app/projections';

/** A row of the issues read model whose next deadline has passed (as of its last projected event). */
export interface DueIssue {
  readonly issueId: string;
  /** The stream version the row was projected at. */
  readonly version: number;
  readonly nextDeadlineDue: string;
}

/** Where the next page of due issues starts: after this (due day, issue id). */
export type DueCursor = Pick<DueIssue, 'nextDeadlineDue' | 'issueId'> | null;

/**
 * Issues whose earliest running deadline fell due before `today`, oldest first. The read model
 * is only an index: the stream decides. Withdrawn and fed-back issues have nothing left to miss.
 */
export async function dueIssues(db: SqlExecutor, today: string, after: DueCursor, limit: number): Promise<DueIssue[]> {
  const params: Array<string | number> = [today, limit];
  let from = '';
  if (after) {
    params.push(after.nextDeadlineDue, after.issueId);
    from = 'AND (next_deadline_due > $3 OR (next_deadline_due = $3 AND issue_id > $4))';
  }
  const rows = await db.all<{ issue_id: string; version: unknown; next_deadline_due: string }>(
    `SELECT issue_id, version, next_deadline_due FROM issues
     WHERE next_deadline_due IS NOT NULL AND next_deadline_due < $1 AND status NOT IN ('withdrawn', 'fedBack') ${from}
     ORDER BY next_deadline_due, issue_id LIMIT $2`,
    params,
  );
  return rows.map((row) => ({ issueId: row.issue_id, version: Number(row.version), nextDeadlineDue: row.next_deadline_due }));
}

/** The issues read model is not built yet (a fresh store, its projection still starting): wait for it. */
export function isIssuesTableMissing(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return code === '42P01' || /no such table: issues\b/.test(message ?? '');
}
