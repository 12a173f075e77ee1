import type { Channel, CommandName, IssueStatus, Role } from './contract';

/* Words the pages show, after the contract's names (API.md, "Public"). */

export const STATUS_LABELS: Readonly<Record<IssueStatus, string>> = {
  logged: 'Logged',
  referred: 'Referred',
  boardReview: 'Board review',
  roundtable: 'Roundtable',
  resolved: 'Resolved',
  fedBack: 'Fed back',
  withdrawn: 'Withdrawn',
  awaitingResident: 'Awaiting resident',
};

export const STATUSES = Object.keys(STATUS_LABELS) as IssueStatus[];

export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  online: 'Online',
  email: 'Email',
  phone: 'Phone',
  letter: 'Letter',
  meeting: 'Meeting',
};

export const CHANNELS = Object.keys(CHANNEL_LABELS) as Channel[];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  areaManager: 'Area manager',
  boardChair: 'Board chair',
  officer: 'Officer',
  auditor: 'Auditor',
  viewer: 'Viewer',
  admin: 'Administrator',
};

/** Each command's button, named after its path (API.md, "Public": Refer, Board review, ...). */
export const COMMAND_LABELS: Readonly<Record<CommandName, string>> = {
  refer: 'Refer',
  'board-review': 'Board review',
  roundtable: 'Roundtable',
  resolve: 'Resolve',
  'feed-back': 'Feed back',
  'record-confirmation': 'Record confirmation',
  reopen: 'Reopen',
  withdraw: 'Withdraw',
  assign: 'Assign',
  notes: 'Add note',
  'await-resident': 'Ask resident',
  'resident-replied': 'Resident replied',
  'upgrade-workflow': 'Upgrade workflow',
};

export const DEADLINE_LABELS = { acknowledge: 'Acknowledge', resolve: 'Resolve', feedBack: 'Feed back' } as const;
export const DEADLINE_STATE_LABELS = { running: 'Running', paused: 'Paused', met: 'Met', missed: 'Missed' } as const;

/** A category id in words: `street-lighting` → `Street lighting`. */
export function categoryLabel(category: string): string {
  const words = category.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const statusLabel = (status: string): string => STATUS_LABELS[status as IssueStatus] ?? status;
export const channelLabel = (channel: string): string => CHANNEL_LABELS[channel as Channel] ?? channel;
export const roleLabel = (role: string): string => ROLE_LABELS[role as Role] ?? role;
