import { setup } from 'xstate';
import type { IssueEventType } from '../issueEvents';
import { ASKING_STATUSES, type AskingStatus, type IssueStatus } from '../issueStatus';

/**
 * Workflow version 2: version 1, plus waiting on the resident (`awaitingResident`, which goes
 * back to the status it left), the system's deadline events, and WorkflowUpgraded (taken in
 * every status: it changes the rules, not the status).
 *
 * `awaitingResident` has one child per status it can be left from, so where a reply leads is
 * the machine's knowledge, not a field beside it. Transitions that keep the status target
 * their own state by id: XState's `can()` reports a transition with neither target nor
 * actions as not enabled.
 */
type MachineEvent = { type: IssueEventType };

const stay = (id: string) => ({ target: `#${id}` });
const idOf = (status: IssueStatus) => `v2.${status}`;
const awaitingIdOf = (status: AskingStatus) => `v2.awaitingResident.${status}`;

/** What every status takes without moving: erasure and the upgrade. */
const always = (id: string) => ({ PersonalDataErased: stay(id), WorkflowUpgraded: stay(id) });
/** What a status with a deadline still to meet takes without moving. */
const deadlines = (id: string) => ({ DeadlineMissed: stay(id), IssueEscalated: stay(id) });
/** What an open status (logged to roundtable, and awaiting the resident) takes without moving. */
const openStays = (id: string) => ({ OfficerAssigned: stay(id), NoteAdded: stay(id), ...always(id), ...deadlines(id) });

const asking = (status: AskingStatus) => ({ ResidentAsked: `#${awaitingIdOf(status)}` });

const awaitingChildren = Object.fromEntries(
  ASKING_STATUSES.map((status) => [
    status,
    { id: awaitingIdOf(status), on: { ResidentReplied: `#${idOf(status)}`, ...openStays(awaitingIdOf(status)) } },
  ]),
);

export const issueMachineV2 = setup({
  types: { events: {} as MachineEvent },
}).createMachine({
  id: 'v2',
  initial: 'none',
  states: {
    none: {
      on: { IssueLogged: 'logged' },
    },
    logged: {
      id: idOf('logged'),
      on: {
        IssueReferred: 'referred',
        BoardReviewScheduled: 'boardReview',
        IssueWithdrawn: 'withdrawn',
        ...asking('logged'),
        ...openStays(idOf('logged')),
      },
    },
    referred: {
      id: idOf('referred'),
      on: {
        BoardReviewScheduled: 'boardReview',
        IssueResolved: 'resolved',
        IssueWithdrawn: 'withdrawn',
        ...asking('referred'),
        ...openStays(idOf('referred')),
      },
    },
    boardReview: {
      id: idOf('boardReview'),
      on: {
        IssueReferred: 'referred',
        RoundtableConvened: 'roundtable',
        IssueResolved: 'resolved',
        IssueWithdrawn: 'withdrawn',
        ...asking('boardReview'),
        ...openStays(idOf('boardReview')),
      },
    },
    roundtable: {
      id: idOf('roundtable'),
      on: {
        IssueResolved: 'resolved',
        IssueWithdrawn: 'withdrawn',
        ...asking('roundtable'),
        ...openStays(idOf('roundtable')),
      },
    },
    awaitingResident: {
      initial: 'logged',
      states: awaitingChildren,
    },
    resolved: {
      id: idOf('resolved'),
      on: {
        OutcomeFedBack: 'fedBack',
        NoteAdded: stay(idOf('resolved')),
        ...always(idOf('resolved')),
        // The feedBack deadline runs while an issue is resolved.
        ...deadlines(idOf('resolved')),
      },
    },
    fedBack: {
      id: idOf('fedBack'),
      on: {
        IssueReopened: 'logged',
        NoteAdded: stay(idOf('fedBack')),
        // The resident's answer to the outcome (a dispute then reopens it with IssueReopened).
        OutcomeConfirmed: stay(idOf('fedBack')),
        OutcomeDisputed: stay(idOf('fedBack')),
        ...always(idOf('fedBack')),
      },
    },
    withdrawn: { id: idOf('withdrawn'), type: 'final', on: { ...always(idOf('withdrawn')) } },
  },
});
