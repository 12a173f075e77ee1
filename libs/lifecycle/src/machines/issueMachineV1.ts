import { setup } from 'xstate';
import type { IssueEventType } from '../issueEvents';
import type { IssueStatus } from '../issueStatus';

/**
 * Workflow version 1, as released: frozen, so that streams written under it replay and verify
 * exactly as they were decided. Change the workflow in a new version (issueMachineV2.ts).
 *
 * The single source of truth for which transitions exist. Its events are the domain's facts:
 * folding a stream is running its events through this machine, and a command is allowed when
 * the machine can take the event the command would produce.
 *
 * Transitions that keep the status (assign, notes) target their own state: XState's `can()`
 * reports a transition with neither target nor actions as not enabled.
 */
type MachineEvent = { type: IssueEventType };

const stay = (status: IssueStatus) => ({ target: status });
/** Erasing the resident's personal data keeps the status, whatever it is (withdrawn included). */
const erasable = (status: IssueStatus) => ({ PersonalDataErased: stay(status) });

export const issueMachineV1 = setup({
  types: { events: {} as MachineEvent },
}).createMachine({
  id: 'issue-v1',
  initial: 'none',
  states: {
    none: {
      on: { IssueLogged: 'logged' },
    },
    logged: {
      on: {
        IssueReferred: 'referred',
        BoardReviewScheduled: 'boardReview',
        IssueWithdrawn: 'withdrawn',
        OfficerAssigned: stay('logged'),
        NoteAdded: stay('logged'),
        ...erasable('logged'),
      },
    },
    referred: {
      on: {
        BoardReviewScheduled: 'boardReview',
        IssueResolved: 'resolved',
        IssueWithdrawn: 'withdrawn',
        OfficerAssigned: stay('referred'),
        NoteAdded: stay('referred'),
        ...erasable('referred'),
      },
    },
    boardReview: {
      on: {
        IssueReferred: 'referred',
        RoundtableConvened: 'roundtable',
        IssueResolved: 'resolved',
        IssueWithdrawn: 'withdrawn',
        OfficerAssigned: stay('boardReview'),
        NoteAdded: stay('boardReview'),
        ...erasable('boardReview'),
      },
    },
    roundtable: {
      on: {
        IssueResolved: 'resolved',
        IssueWithdrawn: 'withdrawn',
        OfficerAssigned: stay('roundtable'),
        NoteAdded: stay('roundtable'),
        ...erasable('roundtable'),
      },
    },
    resolved: {
      on: {
        OutcomeFedBack: 'fedBack',
        NoteAdded: stay('resolved'),
        ...erasable('resolved'),
      },
    },
    fedBack: {
      on: {
        IssueReopened: 'logged',
        NoteAdded: stay('fedBack'),
        // The resident's answer to the outcome (a dispute then reopens it with IssueReopened).
        OutcomeConfirmed: stay('fedBack'),
        OutcomeDisputed: stay('fedBack'),
        ...erasable('fedBack'),
      },
    },
    withdrawn: { type: 'final', on: { ...erasable('withdrawn') } },
  },
});
