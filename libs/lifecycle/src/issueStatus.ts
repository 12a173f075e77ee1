/** Every status an issue can be in, in lifecycle order. */
export const ISSUE_STATUSES = [
  'logged',
  'referred',
  'boardReview',
  'roundtable',
  'resolved',
  'fedBack',
  'withdrawn',
] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

/** The machine's state before the first event: no issue yet. */
export type MachineStatus = IssueStatus | 'none';
