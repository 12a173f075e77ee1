import type { AskingStatus, IssueStatus } from '@app/lifecycle';

/**
 * The public tracker's tables. They hold only what a resident may see of any issue: no name,
 * email, phone, address, description, officer, reason, report or internal note, not even in a
 * hidden column, so nothing private can leak from them whatever a query selects.
 */
export const PUBLIC_ISSUES_TABLE = 'public_issues';
export const PUBLIC_TIMELINE_TABLE = 'public_timeline';

/** One issue as the public sees it. */
export interface PublicIssueRow {
  readonly issueId: string;
  readonly reference: string;
  readonly title: string;
  readonly category: string;
  readonly areaId: string;
  readonly status: IssueStatus;
  /** While awaitingResident, the status the resident's reply returns it to; null otherwise. */
  readonly resumeStatus: AskingStatus | null;
  readonly loggedAt: string;
  /** The latest resolution's occurredAt; cleared when the issue is reopened. */
  readonly resolvedAt: string | null;
  /** The latest resolution's outcome; cleared when the issue is reopened. */
  readonly outcome: string | null;
  /** occurredAt of the latest event it applied. */
  readonly updatedAt: string;
  /** Entries its timeline holds: the next entry's seq. */
  readonly timelineSize: number;
}

/** One step of an issue's public timeline: a change of status, or a public note. */
export interface PublicTimelineEntry {
  readonly issueId: string;
  /** 0-based, in the order of the issue's stream. */
  readonly seq: number;
  readonly status: IssueStatus;
  readonly at: string;
  /** A public note's text; null for a change of status. */
  readonly note: string | null;
}

export const PUBLIC_ISSUE_COLUMNS = [
  'issue_id',
  'reference',
  'title',
  'category',
  'area_id',
  'status',
  'resume_status',
  'logged_at',
  'resolved_at',
  'outcome',
  'updated_at',
  'timeline_size',
] as const;

export const publicIssueColumns = (row: PublicIssueRow): Array<string | number | null> => [
  row.issueId,
  row.reference,
  row.title,
  row.category,
  row.areaId,
  row.status,
  row.resumeStatus,
  row.loggedAt,
  row.resolvedAt,
  row.outcome,
  row.updatedAt,
  row.timelineSize,
];

/** The row as the table gives it back (pg may answer integers as text). */
export interface RawPublicIssueRow {
  issue_id: string;
  reference: string;
  title: string;
  category: string;
  area_id: string;
  status: IssueStatus;
  resume_status: AskingStatus | null;
  logged_at: string;
  resolved_at: string | null;
  outcome: string | null;
  updated_at: string;
  timeline_size: number | string;
}

export const toPublicIssueRow = (raw: RawPublicIssueRow): PublicIssueRow => ({
  issueId: raw.issue_id,
  reference: raw.reference,
  title: raw.title,
  category: raw.category,
  areaId: raw.area_id,
  status: raw.status,
  resumeStatus: raw.resume_status ?? null,
  loggedAt: raw.logged_at,
  resolvedAt: raw.resolved_at,
  outcome: raw.outcome,
  updatedAt: raw.updated_at,
  timelineSize: Number(raw.timeline_size),
});

export const publicIssuesDdl = (table: string) => `
CREATE TABLE ${table} (
  issue_id      TEXT PRIMARY KEY,
  reference     TEXT NOT NULL,
  title         TEXT NOT NULL,
  category      TEXT NOT NULL,
  area_id       TEXT NOT NULL,
  status        TEXT NOT NULL,
  resume_status TEXT,
  logged_at     TEXT NOT NULL,
  resolved_at   TEXT,
  outcome       TEXT,
  updated_at    TEXT NOT NULL,
  timeline_size INTEGER NOT NULL
);
CREATE INDEX ${table}_reference ON ${table} (reference);
CREATE INDEX ${table}_status_resolved ON ${table} (status, resolved_at);
CREATE INDEX ${table}_area_status_resolved ON ${table} (area_id, status, resolved_at);
`;

export const publicTimelineDdl = (table: string) => `
CREATE TABLE ${table} (
  issue_id TEXT NOT NULL,
  seq      INTEGER NOT NULL,
  status   TEXT NOT NULL,
  at       TEXT NOT NULL,
  note     TEXT,
  PRIMARY KEY (issue_id, seq)
);
`;
