import type { IssueStatus } from '@app/lifecycle';
import { ISSUES_PROJECTION, ISSUES_TABLE, PUBLIC_ISSUES_TABLE, PUBLIC_TIMELINE_TABLE, PUBLIC_TRACKER, type SqlExecutor, type SqlValue } from '@app/projections';

/**
 * An issue as Open311 may show it: the public tracker's row (which holds no personal data),
 * plus from the issues read model only the coordinates, the service provider and dueBy:
 * never a name, email, phone or the resident's address.
 */
export interface TrackedRequest {
  readonly issueId: string;
  readonly reference: string;
  readonly title: string;
  readonly category: string;
  readonly areaId: string;
  readonly status: IssueStatus;
  readonly loggedAt: string;
  readonly updatedAt: string;
  readonly resolvedAt: string | null;
  readonly outcome: string | null;
  readonly location: { readonly lat: number; readonly lng: number } | null;
  readonly serviceProvider: string | null;
  readonly dueBy: string | null;
  /** The public notes' texts, oldest first. */
  readonly publicNotes: readonly string[];
}

export interface RequestWindow {
  /** loggedAt in [from, to], ISO instants. */
  readonly from: string;
  readonly to: string;
  readonly categories?: readonly string[];
  readonly statuses?: readonly IssueStatus[];
  readonly limit: number;
}

interface RequestRow {
  issue_id: string;
  reference: string;
  title: string;
  category: string;
  area_id: string;
  status: IssueStatus;
  logged_at: string;
  updated_at: string;
  resolved_at: string | null;
  outcome: string | null;
  location: string | null;
  service_provider: string | null;
  due_by: string | null;
}

// Named columns only: the issues table's raised_by, description and state are never selected.
const SELECT_REQUESTS = `
SELECT p.issue_id, p.reference, p.title, p.category, p.area_id, p.status, p.logged_at, p.updated_at, p.resolved_at, p.outcome,
       i.location, i.service_provider, i.due_by
FROM ${PUBLIC_ISSUES_TABLE} p LEFT JOIN ${ISSUES_TABLE} i ON i.issue_id = p.issue_id`;

const list = (params: SqlValue[], values: readonly SqlValue[]) => {
  const first = params.length + 1;
  params.push(...values);
  return values.map((_, i) => `$${first + i}`).join(', ');
};

/**
 * Whether both read models Open311 reads have their tables yet: a projection creates them when
 * its runner first starts, so a request in the first moments after start-up finds none. Until
 * then every issue is as unknown as one not projected yet.
 */
export async function readModelsReady(db: SqlExecutor): Promise<boolean> {
  const names = [PUBLIC_TRACKER, ISSUES_PROJECTION];
  const rows = await db.all<{ name: string }>('SELECT name FROM projection_state WHERE active = 1 AND name IN ($1, $2)', names);
  return names.every((name) => rows.some((row) => row.name === name));
}

/** The issues with these references (those that exist), newest first. */
export async function requestsByReference(db: SqlExecutor, references: readonly string[]): Promise<TrackedRequest[]> {
  if (references.length === 0 || !(await readModelsReady(db))) return [];
  const params: SqlValue[] = [];
  const rows = await db.all<RequestRow>(`${SELECT_REQUESTS} WHERE p.reference IN (${list(params, references)}) ORDER BY p.logged_at DESC, p.reference DESC`, params);
  return withNotes(db, rows);
}

/** The issues logged in the window, of the categories and statuses asked for, newest first, at most `limit`. */
export async function requestsInWindow(db: SqlExecutor, window: RequestWindow): Promise<TrackedRequest[]> {
  if (!(await readModelsReady(db))) return [];
  const params: SqlValue[] = [window.from, window.to];
  const where = ['p.logged_at >= $1', 'p.logged_at <= $2'];
  if (window.categories) where.push(`p.category IN (${list(params, window.categories)})`);
  if (window.statuses) where.push(`p.status IN (${list(params, window.statuses)})`);
  params.push(window.limit);
  const rows = await db.all<RequestRow>(`${SELECT_REQUESTS} WHERE ${where.join(' AND ')} ORDER BY p.logged_at DESC, p.reference DESC LIMIT $${params.length}`, params);
  return withNotes(db, rows);
}

// Well under PostgreSQL's limit of parameters a statement.
const CHUNK = 500;

async function withNotes(db: SqlExecutor, rows: readonly RequestRow[]): Promise<TrackedRequest[]> {
  const notes = new Map<string, string[]>();
  for (let start = 0; start < rows.length; start += CHUNK) {
    const params: SqlValue[] = [];
    const ids = list(params, rows.slice(start, start + CHUNK).map((row) => row.issue_id));
    const found = await db.all<{ issue_id: string; note: string }>(
      `SELECT issue_id, note FROM ${PUBLIC_TIMELINE_TABLE} WHERE issue_id IN (${ids}) AND note IS NOT NULL ORDER BY issue_id, seq`,
      params,
    );
    for (const { issue_id, note } of found) notes.set(issue_id, [...(notes.get(issue_id) ?? []), note]);
  }
  return rows.map((row) => ({
    issueId: row.issue_id,
    reference: row.reference,
    title: row.title,
    category: row.category,
    areaId: row.area_id,
    status: row.status,
    loggedAt: row.logged_at,
    updatedAt: row.updated_at,
    resolvedAt: row.resolved_at,
    outcome: row.outcome,
    location: coordinatesOf(row.location),
    serviceProvider: row.service_provider,
    dueBy: row.due_by,
    publicNotes: notes.get(row.issue_id) ?? [],
  }));
}

/** Only the coordinates of the location column: its address (personal data) is never read out. */
function coordinatesOf(column: string | null): TrackedRequest['location'] {
  if (column === null) return null;
  const { lat, lng } = JSON.parse(column) as { lat?: unknown; lng?: unknown };
  return typeof lat === 'number' && typeof lng === 'number' ? { lat, lng } : null;
}

/** One step of an issue's public timeline, with what the update needs of its issue. */
export interface TrackedStep {
  readonly reference: string;
  readonly seq: number;
  readonly status: IssueStatus;
  readonly at: string;
  readonly note: string | null;
  /** The issue's standing resolution (cleared on reopening): the step at that instant shows its outcome. */
  readonly resolvedAt: string | null;
  readonly outcome: string | null;
}

/** Public steps that happened in [from, to], oldest first, at most `limit`. */
export async function stepsInWindow(db: SqlExecutor, from: string, to: string, limit: number): Promise<TrackedStep[]> {
  if (!(await readModelsReady(db))) return [];
  const rows = await db.all<{ reference: string; seq: number | string; status: IssueStatus; at: string; note: string | null; resolved_at: string | null; outcome: string | null }>(
    `SELECT p.reference, t.seq, t.status, t.at, t.note, p.resolved_at, p.outcome
     FROM ${PUBLIC_TIMELINE_TABLE} t JOIN ${PUBLIC_ISSUES_TABLE} p ON p.issue_id = t.issue_id
     WHERE t.at >= $1 AND t.at <= $2 ORDER BY t.at, p.reference, t.seq LIMIT $3`,
    [from, to, limit],
  );
  return rows.map((row) => ({ reference: row.reference, seq: Number(row.seq), status: row.status, at: row.at, note: row.note, resolvedAt: row.resolved_at, outcome: row.outcome }));
}
