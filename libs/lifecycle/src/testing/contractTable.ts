import type { IssueCommandName } from '../issueCommands';
import type { IssueEventType } from '../issueEvents';
import { ISSUE_STATUSES, type IssueStatus } from '../issueStatus';
import type { Role } from '../actor';

/**
 * The command table of shared/contract/API.md (workflow version 2, the newest), written out
 * independently of the machine so that tests compare the machine against the contract rather
 * than against itself.
 */
const OPEN: IssueStatus[] = ['logged', 'referred', 'boardReview', 'roundtable'];

export const CONTRACT: Record<
  IssueCommandName,
  { from: IssueStatus[]; to: IssueStatus | 'unchanged'; event: IssueEventType; roles: Role[] }
> = {
  refer: { from: ['logged', 'boardReview'], to: 'referred', event: 'IssueReferred', roles: ['areaManager'] },
  'board-review': { from: ['logged', 'referred'], to: 'boardReview', event: 'BoardReviewScheduled', roles: ['areaManager'] },
  roundtable: { from: ['boardReview'], to: 'roundtable', event: 'RoundtableConvened', roles: ['boardChair'] },
  resolve: {
    from: ['referred', 'boardReview', 'roundtable'],
    to: 'resolved',
    event: 'IssueResolved',
    roles: ['areaManager', 'boardChair', 'officer'],
  },
  'feed-back': { from: ['resolved'], to: 'fedBack', event: 'OutcomeFedBack', roles: ['areaManager'] },
  reopen: { from: ['fedBack'], to: 'logged', event: 'IssueReopened', roles: ['areaManager'] },
  withdraw: { from: OPEN, to: 'withdrawn', event: 'IssueWithdrawn', roles: ['areaManager'] },
  // "any open status": waiting on the resident is open too.
  assign: { from: [...OPEN, 'awaitingResident'], to: 'unchanged', event: 'OfficerAssigned', roles: ['areaManager', 'boardChair'] },
  notes: {
    from: ISSUE_STATUSES.filter((status) => status !== 'withdrawn'),
    to: 'unchanged',
    event: 'NoteAdded',
    roles: ['areaManager', 'boardChair', 'officer'],
  },
  'await-resident': { from: OPEN, to: 'awaitingResident', event: 'ResidentAsked', roles: ['areaManager', 'officer'] },
  // Back to the status it left: `logged` for the fixtures' issue, which waits from logged (PATH_TO).
  'resident-replied': { from: ['awaitingResident'], to: 'logged', event: 'ResidentReplied', roles: ['areaManager', 'officer'] },
  // Confirmed: unchanged (a dispute also records IssueReopened, back to logged).
  'record-confirmation': { from: ['fedBack'], to: 'unchanged', event: 'OutcomeConfirmed', roles: ['areaManager'] },
};
