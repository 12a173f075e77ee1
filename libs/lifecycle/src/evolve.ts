import { evolveDeadlines } from './evolveDeadlines';
import type { IssueEvent, IssueLogged, WorkflowVersion } from './issueEvents';
import { isWorkflowVersion, LATEST_WORKFLOW_VERSION, SYSTEM_EVENT_TYPES } from './issueEvents';
import { ERASED_PERSONAL_DATA } from './personalData';
import type { Issue, IssueState } from './issueState';
import { NO_ISSUE } from './issueState';
import type { IssueStatus } from './issueStatus';
import { placeAfterFact } from './machineQueries';

/** The system's own events: they do not bound a later command's occurredAt (a decision recorded the next day still counts). */
const SYSTEM_EVENTS: ReadonlySet<IssueEvent['type']> = new Set(SYSTEM_EVENT_TYPES);

/**
 * Fold one event into the state. Total: a recorded fact is applied even where the machine would
 * not have allowed it (an imported or tampered history), leading where the machine says that
 * event leads; `decide` keeps new events legal, and the auditors' verify judges old ones.
 */
export function evolve(state: IssueState, event: IssueEvent): Issue {
  const version = state.version + 1;
  if (event.type === 'IssueLogged') return loggedIssue(event, version);
  // A stream whose IssueLogged is missing still folds: its details are simply unknown.
  const before = state.status === 'none' ? unknownIssue(event.occurredAt) : state;
  const place = placeAfterFact(before.workflowVersion, before, event.type);
  const facts = evolveDeadlines({ clocks: before.deadlineClocks, cycle: before.cycle }, event);
  const issue: Issue = {
    ...before,
    status: place.status === 'none' ? 'logged' : (place.status as IssueStatus),
    resumeStatus: place.resumeStatus ?? null,
    version,
    updatedAt: SYSTEM_EVENTS.has(event.type) ? before.updatedAt : event.occurredAt,
    deadlineClocks: facts.clocks,
    cycle: facts.cycle,
  };
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
    case 'WorkflowUpgraded':
      return { ...issue, workflowVersion: knownVersion(event.data.to) };
    case 'BoardReviewScheduled':
    case 'RoundtableConvened':
    case 'IssueWithdrawn':
    case 'NoteAdded':
    case 'ResidentAsked':
    case 'ResidentReplied':
    case 'DeadlineMissed':
    case 'IssueEscalated':
    case 'OutcomeConfirmed':
    case 'OutcomeDisputed':
      return issue;
  }
}

/** A version this code does not know (a tampered or future stream) folds under the newest; verify reports it. */
const knownVersion = (version: unknown): WorkflowVersion => (isWorkflowVersion(version) ? version : LATEST_WORKFLOW_VERSION);

function loggedIssue(event: IssueLogged, version: number): Issue {
  const { reference, title, description, category, areaId, channel, location, personal, subjectId, workflowVersion, policyVersion } = event.data;
  const facts = evolveDeadlines({ clocks: [], cycle: 0 }, event);
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
    workflowVersion: knownVersion(workflowVersion),
    resumeStatus: null,
    policyVersion: policyVersion ?? null,
    deadlineClocks: facts.clocks,
    cycle: facts.cycle,
  };
}

function unknownIssue(at: string): Issue {
  return loggedIssue(
    {
      type: 'IssueLogged',
      occurredAt: at,
      data: {
        reference: '',
        title: '',
        description: '',
        category: '',
        areaId: '',
        channel: 'online',
        location: null,
        subjectId: null,
        personal: { raisedBy: { name: '' }, address: null },
        workflowVersion: LATEST_WORKFLOW_VERSION,
        policyVersion: null,
      },
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
