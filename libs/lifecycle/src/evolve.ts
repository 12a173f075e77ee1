import type { IssueEvent, IssueLogged } from './issueEvents';
import type { Issue, IssueState } from './issueState';
import { NO_ISSUE } from './issueState';
import type { IssueStatus, MachineStatus } from './issueStatus';
import { canTake, statusAfter } from './machineQueries';

/** A stored event that the machine does not allow where it stands: the history is corrupt. */
export class IllegalEventError extends Error {
  constructor(
    readonly status: MachineStatus,
    readonly eventType: string,
    readonly version: number,
  ) {
    super(`event ${version} (${eventType}) is not allowed in status ${status}`);
    this.name = 'IllegalEventError';
  }
}

/** Fold one event into the state. The machine says whether it may happen and where it leads. */
export function evolve(state: IssueState, event: IssueEvent): Issue {
  const version = state.version + 1;
  if (!canTake(state.status, event.type)) throw new IllegalEventError(state.status, event.type, version);
  const status = statusAfter(state.status, event.type) as IssueStatus;
  if (event.type === 'IssueLogged') return loggedIssue(event, version);

  // The machine only lets IssueLogged leave 'none', so from here the issue exists.
  const issue = { ...(state as Issue), status, version, updatedAt: event.occurredAt };
  switch (event.type) {
    case 'IssueReferred':
      return { ...issue, serviceProvider: event.data.serviceProvider };
    case 'IssueResolved':
      return { ...issue, outcome: event.data.outcome, resolvedAt: event.occurredAt };
    case 'OutcomeFedBack':
      return { ...issue, fedBackAt: event.occurredAt };
    case 'IssueReopened':
      return { ...issue, outcome: null, resolvedAt: null, fedBackAt: null };
    case 'OfficerAssigned':
      return { ...issue, officer: event.data.officer, dueBy: event.data.dueBy };
    case 'BoardReviewScheduled':
    case 'RoundtableConvened':
    case 'IssueWithdrawn':
    case 'NoteAdded':
      return issue;
  }
}

function loggedIssue(event: IssueLogged, version: number): Issue {
  const { reference, title, description, category, areaId, channel, location, personal } = event.data;
  return {
    status: 'logged',
    version,
    reference,
    title,
    description,
    category,
    areaId,
    channel,
    location,
    personal,
    serviceProvider: null,
    officer: null,
    dueBy: null,
    outcome: null,
    loggedAt: event.occurredAt,
    updatedAt: event.occurredAt,
    resolvedAt: null,
    fedBackAt: null,
  };
}

/** The state of an issue is the fold of its events, from nothing. */
export function foldIssue(events: Iterable<IssueEvent>, from: IssueState = NO_ISSUE): IssueState {
  let state = from;
  for (const event of events) state = evolve(state, event);
  return state;
}
