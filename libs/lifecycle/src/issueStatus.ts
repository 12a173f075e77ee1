/** Every status an issue can be in, in lifecycle order; `awaitingResident` from workflow version 2. */
export const ISSUE_STATUSES = [
  'logged',
  'referred',
  'boardReview',
  'roundtable',
  'resolved',
  'fedBack',
  'withdrawn',
  'awaitingResident',
] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

/** The statuses an issue can wait for a resident from, and return to when they reply. */
export const ASKING_STATUSES = ['logged', 'referred', 'boardReview', 'roundtable'] as const satisfies readonly IssueStatus[];
export type AskingStatus = (typeof ASKING_STATUSES)[number];

/** The machine's state before the first event: no issue yet. */
export type MachineStatus = IssueStatus | 'none';
