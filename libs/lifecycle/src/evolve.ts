import type { IssueEvent, IssueLogged } from './issueEvents';
import { ERASED_PERSONAL_DATA } from './personalData';
import type { Issue, IssueState } from './issueState';
import { NO_ISSUE } from './issueState';
import type { IssueStatus } from './issueStatus';
import { statusAfterFact } from './machineQueries';

/**
 * Fold one event into the state. Total: a recorded fact is applied even where the machine would
 * not have allowed it (an imported or tampered history), leading where the machine says that
 * event leads; `decide` keeps new events legal, and the auditors' verify judges old ones.
 */
export function evolve(state: IssueState, event: IssueEvent): Issue {
  const version = state.version + 1;
  if (event.type === 'IssueLogged') return loggedIssue(event, version);
  const status = statusAfterFact(state.status, event.type) as IssueStatus;
  // A stream whose IssueLogged is missing still folds: its details are simply unknown.
  const before = state.status === 'none' ? unknownIssue(event.occurredAt) : state;
  const issue: Issue = { ...before, status: status === ('none' as string) ? 'logged' : status, version, updatedAt: event.occurredAt };
  switch (event.type) {
    case 'IssueReferred':
      return { ...issue, serviceProvider: event.data.serviceProvider };
    case 'IssueResolved':
      return { ...issue, outcome: event.data.outcome, resolvedAt: event.occurredAt };
    case 'OutcomeFedBack':
      return { ...issue, fedBackAt: event.occurredAt };
    case 'IssueReopened':
      // The outcome belonged to the old attempt; the officer and their dueBy stay until reassigned
      // (the contract's overdue: open issues whose dueBy has passed).
      return { ...issue, outcome: null, resolvedAt: null, fedBackAt: null };
    case 'OfficerAssigned':
      return { ...issue, officer: event.data.officer, dueBy: event.data.dueBy };
    case 'PersonalDataErased':
      // The state forgets the resident too, so a v1 issue (plaintext, no key) reads as erased.
      return { ...issue, personal: ERASED_PERSONAL_DATA };
    case 'BoardReviewScheduled':
    case 'RoundtableConvened':
    case 'IssueWithdrawn':
    case 'NoteAdded':
      return issue;
  }
}

function loggedIssue(event: IssueLogged, version: number): Issue {
  const { reference, title, description, category, areaId, channel, location, personal, subjectId } = event.data;
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
    subjectId,
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

function unknownIssue(at: string): Issue {
  return loggedIssue(
    {
      type: 'IssueLogged',
      occurredAt: at,
      data: { reference: '', title: '', description: '', category: '', areaId: '', channel: 'online', location: null, subjectId: null, personal: { raisedBy: { name: '' }, address: null } },
    },
    0,
  );
}

/** The state of an issue is the fold of its events, from nothing. */
export function foldIssue(events: Iterable<IssueEvent>, from: IssueState = NO_ISSUE): IssueState {
  let state = from;
  for (const event of events) state = evolve(state, event);
  return state;
}
