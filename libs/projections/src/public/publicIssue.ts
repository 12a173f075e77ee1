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

/** The public view of the issue with this reference; undefined when none has it (yet). */
export async function publicIssue(db: SqlExecutor, reference: string): Promise<PublicIssue | undefined> {
  const [raw] = await db.all<RawPublicIssueRow>(`SELECT * FROM ${PUBLIC_ISSUES_TABLE} WHERE reference = $1 ORDER BY logged_at LIMIT 1`, [reference]);
  if (!raw) return undefined;
  const row = toPublicIssueRow(raw);
  const entries = await db.all<{ status: IssueStatus; at: string; note: string | null }>(
    `SELECT status, at, note FROM ${PUBLIC_TIMELINE_TABLE} WHERE issue_id = $1 ORDER BY seq`,
    [row.issueId],
  );
  const outcome = outcomeShown(row.status, row.outcome);
  return {
    reference: row.reference,
    title: row.title,
    category: row.category,
    areaId: row.areaId,
    status: row.status,
    loggedAt: row.loggedAt,
    timeline: entries.map(({ status, at, note }) => ({ status, at, ...(note !== null && { note }) })),
    ...(outcome !== undefined && { outcome }),
  };
}
