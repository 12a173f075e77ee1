import type { IssueStatus } from '@app/lifecycle';
import type { SqlExecutor } from '../db/readModelDb';
import { PUBLIC_ISSUES_TABLE, PUBLIC_TIMELINE_TABLE, type RawPublicIssueRow, toPublicIssueRow } from './publicTables';

export interface PublicTimelineStep {
  readonly status: IssueStatus;
  readonly at: string;
  /** Only on a public note. */
  readonly note?: string;
}

/** An issue as anyone may see it on the public tracker. */
export interface PublicIssue {
  readonly reference: string;
  readonly title: string;
  readonly category: string;
  readonly areaId: string;
  readonly status: IssueStatus;
  readonly loggedAt: string;
  readonly timeline: PublicTimelineStep[];
  /** Only while the issue is resolved or fed back. */
  readonly outcome?: string;
}

const SHOWS_OUTCOME: ReadonlySet<IssueStatus> = new Set(['resolved', 'fedBack']);

/** The outcome, only where the issue stands resolved or fed back. */
export const outcomeShown = (status: IssueStatus, outcome: string | null): string | undefined =>
  SHOWS_OUTCOME.has(status) && outcome !== null ? outcome : undefined;

/**
 * The public view of the issue with this reference; undefined when none has it (yet). One
 * statement reads the issue and its timeline, so both come from the same moment: two reads
 * could straddle a projection's page and show a status its timeline does not have yet.
 */
export async function publicIssue(db: SqlExecutor, reference: string): Promise<PublicIssue | undefined> {
  const rows = await db.all<RawPublicIssueRow & { step_status: IssueStatus | null; step_at: string | null; step_note: string | null }>(
    `SELECT i.*, t.status AS step_status, t.at AS step_at, t.note AS step_note
       FROM ${PUBLIC_ISSUES_TABLE} i LEFT JOIN ${PUBLIC_TIMELINE_TABLE} t ON t.issue_id = i.issue_id
      WHERE i.issue_id = (SELECT issue_id FROM ${PUBLIC_ISSUES_TABLE} WHERE reference = $1 ORDER BY logged_at LIMIT 1)
      ORDER BY t.seq`,
    [reference],
  );
  if (rows.length === 0) return undefined;
  const row = toPublicIssueRow(rows[0]);
  const outcome = outcomeShown(row.status, row.outcome);
  return {
    reference: row.reference,
    title: row.title,
    category: row.category,
    areaId: row.areaId,
    status: row.status,
    loggedAt: row.loggedAt,
    timeline: rows
      .filter((step) => step.step_status !== null)
      .map((step) => ({ status: step.step_status!, at: step.step_at!, ...(step.step_note !== null && { note: step.step_note }) })),
    ...(outcome !== undefined && { outcome }),
  };
}
