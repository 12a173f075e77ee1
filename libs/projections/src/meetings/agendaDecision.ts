import type { IssueEvent } from '@app/lifecycle';

/**
 * What the agenda says was decided at the meeting, in words, for a decision an issue's stream
 * records with that meeting's id; null for an event that decides nothing there.
 */
export function agendaDecisionOf(event: IssueEvent): string | null {
  switch (event.type) {
    case 'IssueReferred':
      return `Referred to ${event.data.serviceProvider}`;
    case 'RoundtableConvened':
      return 'Roundtable convened';
    case 'IssueResolved':
      return `Resolved: ${event.data.outcome}`;
    default:
      return null;
  }
}

/** The meeting an issue event names: the board review set for it, or a decision taken at it. */
export function meetingNamedBy(event: IssueEvent): string | undefined {
  switch (event.type) {
    case 'BoardReviewScheduled':
    case 'IssueReferred':
    case 'RoundtableConvened':
    case 'IssueResolved':
      return event.data.meetingId;
    default:
      return undefined;
  }
}
