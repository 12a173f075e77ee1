import { type Issue, isPlainPersonalData, isSealedPersonalData } from '@app/lifecycle';
import type { DeadlineColumns } from './deadlineColumns';

/**
 * One issue in the tracker: its state as the domain folds it (so the list always agrees with
 * GET /issues/:id), plus the facts the KPIs measure that the state forgets on reopen.
 */
export interface IssueRow {
  readonly issueId: string;
  readonly state: Issue;
  /** The first IssueResolved's occurredAt: a reopened and re-resolved issue keeps it. */
  readonly firstResolvedAt: string | null;
  /** The first OutcomeFedBack's occurredAt. */
  readonly firstFedBackAt: string | null;
  readonly reachedBoardReview: boolean;
  readonly reachedRoundtable: boolean;
  /** The first OutcomeConfirmed's occurredAt (the KPIs' confirmedRate). */
  readonly firstConfirmedAt: string | null;
  /** The first OutcomeDisputed's occurredAt (the KPIs' disputedRate). */
  readonly firstDisputedAt: string | null;
  /** The latest OutcomeDisputed's occurredAt while the dispute is open: null once resolved again (or withdrawn). */
  readonly openDisputeAt: string | null;
}

export const ISSUE_COLUMNS = [
  'issue_id',
  'reference',
  'title',
  'description',
  'category',
  'area_id',
  'channel',
  'status',
  'version',
  'logged_at',
  'updated_at',
  'raised_by',
  'location',
  'service_provider',
  'officer',
  'due_by',
  'outcome',
  'resolved_at',
  'fed_back_at',
  'first_resolved_at',
  'first_fed_back_at',
  'resolve_days',
  'feed_back_days',
  'reached_board_review',
  'reached_roundtable',
  'search_text',
  'workflow_version',
  'policy_version',
  'next_deadline_due',
  'ack_due',
  'ack_state',
  'resolve_due',
  'resolve_state',
  'feed_back_due',
  'feed_back_state',
  'resolve_working_days',
  'first_confirmed_at',
  'first_disputed_at',
  'disputed_at',
  'state',
] as const;

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string | null) => (to === null ? null : (Date.parse(to) - Date.parse(from)) / DAY_MS);

/**
 * The row's columns, in ISSUE_COLUMNS order, with its deadlines as the issue's rules judge them
 * (deadlineColumns). The whole state is kept too, to fold the next event.
 */
export function issueColumns(row: IssueRow, deadlines: DeadlineColumns): Array<string | number | null> {
  const { state } = row;
  const { acknowledge, resolve, feedBack } = deadlines.byKind;
  return [
    row.issueId,
    state.reference,
    state.title,
    state.description,
    state.category,
    state.areaId,
    state.channel,
    state.status,
    state.version,
    state.loggedAt,
    state.updatedAt,
    JSON.stringify(raisedByColumn(state)),
    state.location ? JSON.stringify({ ...state.location, ...(addressOf(state) !== null && { address: addressOf(state) }) }) : null,
    state.serviceProvider,
    state.officer,
    state.dueBy,
    state.outcome,
    state.resolvedAt,
    state.fedBackAt,
    row.firstResolvedAt,
    row.firstFedBackAt,
    daysBetween(state.loggedAt, row.firstResolvedAt),
    row.firstResolvedAt === null ? null : daysBetween(row.firstResolvedAt, row.firstFedBackAt),
    row.reachedBoardReview ? 1 : 0,
    row.reachedRoundtable ? 1 : 0,
    `${state.reference} ${state.title} ${state.description}`.toLowerCase(),
    state.workflowVersion,
    state.policyVersion,
    deadlines.nextDue,
    acknowledge?.due ?? null,
    acknowledge?.state ?? null,
    resolve?.due ?? null,
    resolve?.state ?? null,
    feedBack?.due ?? null,
    feedBack?.state ?? null,
    deadlines.resolveWorkingDays,
    row.firstConfirmedAt,
    row.firstDisputedAt,
    row.openDisputeAt,
    JSON.stringify(row),
  ];
}

/**
 * The resident as the raised_by column shows them: only v1 issues (plaintext events) have a
 * name to show; a sealed one names its subject, never its contents, and an erased one nothing.
 * The `state` column keeps the sealed envelope itself: reads reveal it at the edge.
 */
function raisedByColumn(state: Issue): unknown {
  const { personal } = state;
  if (isPlainPersonalData(personal)) return personal.raisedBy;
  if (isSealedPersonalData(personal)) return { sealed: personal.sealed, subjectId: personal.subjectId };
  return { erased: true };
}

const addressOf = (state: Issue) => (isPlainPersonalData(state.personal) ? state.personal.address : null);

export const issuesTableDdl = (table: string) => `
CREATE TABLE ${table} (
  issue_id             TEXT PRIMARY KEY,
  reference            TEXT NOT NULL,
  title                TEXT NOT NULL,
  description          TEXT NOT NULL,
  category             TEXT NOT NULL,
  area_id              TEXT NOT NULL,
  channel              TEXT NOT NULL,
  status               TEXT NOT NULL,
  version              INTEGER NOT NULL,
  logged_at            TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  raised_by            TEXT NOT NULL,
  location             TEXT,
  service_provider     TEXT,
  officer              TEXT,
  due_by               TEXT,
  outcome              TEXT,
  resolved_at          TEXT,
  fed_back_at          TEXT,
  first_resolved_at    TEXT,
  first_fed_back_at    TEXT,
  resolve_days         DOUBLE PRECISION,
  feed_back_days       DOUBLE PRECISION,
  reached_board_review INTEGER NOT NULL,
  reached_roundtable   INTEGER NOT NULL,
  search_text          TEXT NOT NULL,
  workflow_version     INTEGER NOT NULL,
  policy_version       TEXT,
  -- Deadlines (deadlineColumns.ts): days YYYY-MM-DD; a state is met, missed, paused or running
  -- (a running one whose due day is over counts as missed). Null without a policy.
  next_deadline_due    TEXT,
  ack_due              TEXT,
  ack_state            TEXT,
  resolve_due          TEXT,
  resolve_state        TEXT,
  feed_back_due        TEXT,
  feed_back_state      TEXT,
  resolve_working_days INTEGER,
  first_confirmed_at   TEXT,
  first_disputed_at    TEXT,
  -- An open dispute (the resident disputed the outcome, not yet resolved again): the console's queue puts these first.
  disputed_at          TEXT,
  state                TEXT NOT NULL
);
-- Lean indexes, each named for the reads it serves (the KPIs' counts come from the issue_counts
-- aggregate, not from here). Nothing runs ANALYZE on the read models: each read has an index
-- whose leading columns match its equality filter, so the planner picks it without statistics.
-- (No index on reference: issues are found by reference through the event store's unique keys.)
-- GET /issues newest first and its from/to; the KPIs' partial months at the edges of from/to.
CREATE INDEX ${table}_logged ON ${table} (logged_at);
-- GET /issues?areaId (or the caller's areas) newest first; an area's partial months in the
-- KPIs; the scorecards' issues of an area logged since a quarter.
CREATE INDEX ${table}_area_logged ON ${table} (area_id, logged_at);
-- GET /issues?areaId&status (a work queue): its total counted in the index, its page in order.
CREATE INDEX ${table}_area_status_logged ON ${table} (area_id, status, logged_at);
-- The scorecards' issues of an area first resolved since a quarter. Partial indexes (WHERE)
-- hold only the rows their readers can want, and cost nothing to write for the others.
CREATE INDEX ${table}_area_resolved ON ${table} (area_id, first_resolved_at) WHERE first_resolved_at IS NOT NULL;
-- GET /issues?status newest first.
CREATE INDEX ${table}_status_logged ON ${table} (status, logged_at);
-- Overdue (GET /issues?overdue=true, the KPIs' overdue): per open status, only the issues
-- whose dueBy is before today are visited, their area and loggedAt checked in the index.
CREATE INDEX ${table}_status_due ON ${table} (status, due_by, area_id, logged_at) WHERE due_by IS NOT NULL;
-- GET /issues?officer; /kpis/officers counts per officer, with status and dueBy for its
-- resolved and overdue counts read from the index.
CREATE INDEX ${table}_officer ON ${table} (officer, status, due_by) WHERE officer IS NOT NULL;
-- The percentiles (an index walk to a rank) and /kpis/resolution-times, over the measured
-- issues only: in value order over every area, with area and loggedAt to filter on without
-- reading the row; and within one area.
CREATE INDEX ${table}_resolve_days ON ${table} (resolve_days, area_id, logged_at) WHERE resolve_days IS NOT NULL;
CREATE INDEX ${table}_area_resolve_days ON ${table} (area_id, resolve_days, logged_at) WHERE resolve_days IS NOT NULL;
CREATE INDEX ${table}_feed_back_days ON ${table} (feed_back_days, area_id, logged_at) WHERE feed_back_days IS NOT NULL;
-- The scheduler's due issues (next_deadline_due < today, oldest first) and sort=nextDeadline.
CREATE INDEX ${table}_next_deadline_due ON ${table} (next_deadline_due) WHERE next_deadline_due IS NOT NULL;
-- The median of working days to resolve: an index walk to its rank, as for resolve_days.
CREATE INDEX ${table}_resolve_working_days ON ${table} (resolve_working_days, area_id, logged_at) WHERE resolve_working_days IS NOT NULL;
CREATE INDEX ${table}_area_feed_back_days ON ${table} (area_id, feed_back_days, logged_at) WHERE feed_back_days IS NOT NULL;
-- GET /issues?disputesFirst=true: the few open disputes of the caller's areas, newest first.
CREATE INDEX ${table}_area_disputed ON ${table} (area_id, logged_at) WHERE disputed_at IS NOT NULL;
`;
