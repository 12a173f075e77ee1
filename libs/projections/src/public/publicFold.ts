import type { AskingStatus, IssueEvent, IssueStatus } from '@app/lifecycle';
import { isPublicStep, statusAfterFact } from '@app/lifecycle';
import type { PublicIssueRow, PublicTimelineEntry } from './publicTables';

export interface PublicStep {
  readonly row: PublicIssueRow;
  /** The timeline entry the event adds, if any. */
  readonly entry: PublicTimelineEntry | null;
}

/**
 * Folds one event into an issue's public row. Whitelisting, not blacklisting: it reads only
 * the fields it names (the intake's public details, a resolution's outcome, a public note's
 * text), so the resident's personal data, reasons, reports, referral notes, feedback messages
 * and officers never reach the tables, whatever events gain later. The status comes from the
 * lifecycle machine, as the issue's own fold takes it; while the issue awaits the resident the
 * row keeps the status it left (a status, never the question or answer), where a reply returns.
 *
 * Answers undefined for an event of an issue it has no row for (a stream without its
 * IssueLogged): with no reference, nobody could look it up.
 */
export function foldPublic(row: PublicIssueRow | undefined, issueId: string, event: IssueEvent): PublicStep | undefined {
  const at = event.occurredAt;
  if (event.type === 'IssueLogged') {
    const { reference, title, category, areaId } = event.data;
    const status = statusAfterFact('none', event.type) as IssueStatus;
    const timelineSize = row?.timelineSize ?? 0;
    const logged: PublicIssueRow = {
      issueId,
      reference,
      title,
      category,
      areaId,
      status,
      resumeStatus: null,
      loggedAt: at,
      resolvedAt: null,
      outcome: null,
      updatedAt: at,
      timelineSize,
    };
    return withEntry(logged, status, at, null);
  }
  if (!row) return undefined;
  const status = statusAfterFact(row.status, event.type, row.resumeStatus) as IssueStatus;
  const resumeStatus = status === 'awaitingResident' ? (row.status === 'awaitingResident' ? row.resumeStatus : (row.status as AskingStatus)) : null;
  let next: PublicIssueRow = { ...row, status, resumeStatus, updatedAt: at };
  if (event.type === 'IssueResolved') next = { ...next, outcome: event.data.outcome, resolvedAt: at };
  // The outcome belonged to the attempt the resident disputed: the reopened issue waits for a new one.
  if (event.type === 'IssueReopened') next = { ...next, outcome: null, resolvedAt: null };
  if (!isPublicStep(row.status, status, event)) return { row: next, entry: null };
  // A public note is the only step with words of its own on the tracker (a note never changes the status).
  return withEntry(next, status, at, event.type === 'NoteAdded' ? event.data.text : null);
}

function withEntry(row: PublicIssueRow, status: IssueStatus, at: string, note: string | null): PublicStep {
  const entry: PublicTimelineEntry = { issueId: row.issueId, seq: row.timelineSize, status, at, note };
  return { row: { ...row, timelineSize: row.timelineSize + 1 }, entry };
}
