import type { GlobalEvent } from '@app/event-store';
import { evolve, ISSUE_EVENT_TYPES, NO_ISSUE, type IssueEvent } from '@app/lifecycle';
import type { ServiceLevelRegistry } from '@app/service-levels';
import { issueIdOf, isIssueStream, toIssueEvent } from '@app/streams';
import type { Dialect } from '../db/readModelDb';
import type { Projection, ProjectionTransaction } from '../projection';
import { ISSUE_COUNTS_TABLE, IssueCountChanges, issueCountsTableDdl } from './issueCounts';
import { deadlineColumns } from './deadlineColumns';
import { ISSUE_COLUMNS, issueColumns, type IssueRow, issuesTableDdl } from './issueRow';

export const ISSUES_TABLE = 'issues';
/** The projection's name (its checkpoint's, GET /projections'). */
export const ISSUES_PROJECTION = 'issues';

const NO_FACTS = {
  firstResolvedAt: null,
  firstFedBackAt: null,
  reachedBoardReview: false,
  reachedRoundtable: false,
  firstConfirmedAt: null,
  firstDisputedAt: null,
  openDisputeAt: null,
} as const;

/** Folds one more event into a tracker row (or into a first row, for IssueLogged). */
export function applyToRow(row: IssueRow | undefined, issueId: string, event: IssueEvent): IssueRow {
  const state = evolve(row?.state ?? NO_ISSUE, event);
  const before: IssueRow = row ?? { issueId, state, ...NO_FACTS };
  const first = (type: IssueEvent['type'], was: string | null) => was ?? (event.type === type ? event.occurredAt : null);
  return {
    ...before,
    issueId,
    state,
    firstResolvedAt: first('IssueResolved', before.firstResolvedAt),
    firstFedBackAt: first('OutcomeFedBack', before.firstFedBackAt),
    reachedBoardReview: before.reachedBoardReview || state.status === 'boardReview',
    reachedRoundtable: before.reachedRoundtable || state.status === 'roundtable',
    firstConfirmedAt: first('OutcomeConfirmed', before.firstConfirmedAt),
    firstDisputedAt: first('OutcomeDisputed', before.firstDisputedAt),
    openDisputeAt: openDisputeAfter(before.openDisputeAt, event),
  };
}

/** A dispute stays open until the issue is resolved again (or withdrawn: nothing is left to do). */
function openDisputeAfter(open: string | null, event: IssueEvent): string | null {
  if (event.type === 'OutcomeDisputed') return event.occurredAt;
  if (event.type === 'IssueResolved' || event.type === 'IssueWithdrawn') return null;
  return open;
}

const updates = ISSUE_COLUMNS.slice(1)
  .map((column) => `${column} = excluded.${column}`)
  .join(', ');

/** What the issues projection needs besides the events: the rules its deadlines are judged by. */
export interface IssuesProjectionDeps {
  readonly serviceLevels: ServiceLevelRegistry;
}

/**
 * The issue tracker (GET /issues) and the per-issue facts of the KPIs. A page's events are
 * folded in memory, issue by issue, and each issue touched is written once per page.
 */
export function issuesProjection({ serviceLevels }: IssuesProjectionDeps): Projection {
  return {
    name: ISSUES_PROJECTION,
    // 2: a reopened issue keeps its dueBy. 3: personal data kept sealed (IssueLogged v2), erasure.
    // 4: workflow and policy versions, deadlines (next_deadline_due, per kind), working days to resolve.
    // 5: confirmations and disputes (first_confirmed_at, first_disputed_at, the open dispute's disputed_at).
    version: 5,
    handles: ISSUE_EVENT_TYPES,
    tables: [
      { name: ISSUES_TABLE, ddl: issuesTableDdl },
      { name: ISSUE_COUNTS_TABLE, ddl: issueCountsTableDdl },
    ],

    async apply(events: readonly GlobalEvent[], tx: ProjectionTransaction): Promise<void> {
      const table = tx.table(ISSUES_TABLE);
      const pageEvents = eventsByIssue(events);
      // An issue whose first event is in this page has no row yet: only the others are read.
      const rows = await loadRows(
        tx,
        table,
        [...pageEvents].filter(([, issueEvents]) => issueEvents[0].version > 1).map(([issueId]) => issueId),
      );
      const counts = new IssueCountChanges();
      const folded: IssueRow[] = [];
      for (const [issueId, issueEvents] of pageEvents) {
        let row = rows.get(issueId);
        for (const event of issueEvents) row = applyToRow(row, issueId, toIssueEvent(event));
        folded.push(row!);
        counts.replace(rows.get(issueId), row!);
      }
      // A version another process adopted since this one started is loaded before it is needed.
      await serviceLevels.ensureKnown(new Set(folded.flatMap(({ state }) => (state.policyVersion === null ? [] : [state.policyVersion]))));
      await upsertRows(tx, table, folded, serviceLevels);
      // The KPIs' count aggregate, in the same transaction as the rows it counts.
      await counts.write(tx, tx.table(ISSUE_COUNTS_TABLE));
    },
  };
}

/** The page's events of each issue, in order, issues in the order they first appear. */
function eventsByIssue(events: readonly GlobalEvent[]): Map<string, GlobalEvent[]> {
  const byIssue = new Map<string, GlobalEvent[]>();
  for (const event of events) {
    if (!isIssueStream(event.streamId)) continue;
    const issueId = issueIdOf(event.streamId);
    const issueEvents = byIssue.get(issueId);
    if (issueEvents) issueEvents.push(event);
    else byIssue.set(issueId, [event]);
  }
  return byIssue;
}

// PostgreSQL costs a round trip a statement, so there rows go up many to a statement; SQLite,
// in the process, is quickest running one prepared statement a row.
const ROWS_PER_UPSERT: Record<Dialect, number> = { postgres: 200, sqlite: 1 };

async function upsertRows(tx: ProjectionTransaction, table: string, rows: readonly IssueRow[], serviceLevels: ServiceLevelRegistry): Promise<void> {
  const columnsOf = (row: IssueRow) =>
    issueColumns(row, deadlineColumns(row.state, serviceLevels.rulesFor(row.state), serviceLevels.calendarOf(row.state.policyVersion), row.firstResolvedAt));
  const size = ROWS_PER_UPSERT[tx.dialect];
  for (let start = 0; start < rows.length; start += size) {
    const chunk = rows.slice(start, start + size);
    const values = chunk.map((_, r) => `(${ISSUE_COLUMNS.map((_, c) => `$${r * ISSUE_COLUMNS.length + c + 1}`).join(', ')})`).join(', ');
    await tx.run(`INSERT INTO ${table} (${ISSUE_COLUMNS.join(', ')}) VALUES ${values} ON CONFLICT (issue_id) DO UPDATE SET ${updates}`, chunk.flatMap(columnsOf));
  }
}

const LOAD_CHUNK = 500;

async function loadRows(tx: ProjectionTransaction, table: string, ids: readonly string[]): Promise<Map<string, IssueRow>> {
  const rows = new Map<string, IssueRow>();
  for (let start = 0; start < ids.length; start += LOAD_CHUNK) {
    const chunk = ids.slice(start, start + LOAD_CHUNK);
    const found = await tx.all<{ state: string }>(
      `SELECT state FROM ${table} WHERE issue_id IN (${chunk.map((_, i) => `$${i + 1}`).join(', ')})`,
      chunk,
    );
    for (const { state } of found) {
      const row = JSON.parse(state) as IssueRow;
      rows.set(row.issueId, row);
    }
  }
  return rows;
}
