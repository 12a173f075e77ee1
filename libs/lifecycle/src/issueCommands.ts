import type { Channel } from './channel';

export interface GeoPoint {
  readonly lat: number;
  readonly lng: number;
}

/** The resident who raised the issue: personal data, kept apart so it can be erased. */
export interface RaisedBy {
  readonly name: string;
  readonly email?: string;
  readonly phone?: string;
  /** Where a letter reaches them, as one string (lines separated by newlines or commas). */
  readonly postalAddress?: string;
  /** The language they are written to in: English (the default) or Welsh. */
  readonly language?: ResidentLanguage;
}

/** The languages residents are written to in (the Welsh Language Standards). */
export const RESIDENT_LANGUAGES = ['en', 'cy'] as const;
export type ResidentLanguage = (typeof RESIDENT_LANGUAGES)[number];

/** How a resident's answer to the outcome reached the council: by the links in an email, or told to staff. */
export const CONFIRMATION_CHANNELS = ['email', 'phone', 'letter'] as const;
export type ConfirmationChannel = (typeof CONFIRMATION_CHANNELS)[number];

/** A decision taken at a board meeting names it (optional: decisions are taken elsewhere too). */
interface AtMeeting {
  readonly meetingId?: string;
}

/** What an issue is about, as raised: the same in the command, the event and the state. */
export interface IssueDetails {
  /** `<AREA CODE>-<YYYY>-<NNNNN>`, allocated by the application before deciding. */
  readonly reference: string;
  readonly title: string;
  readonly description: string;
  readonly category: string;
  readonly areaId: string;
  readonly channel: Channel;
}

export interface LogIssueData extends IssueDetails {
  readonly location?: GeoPoint & { readonly address?: string };
  readonly raisedBy: RaisedBy;
  /** The service-level policy in force, chosen by the application like the reference; none: no deadlines. */
  readonly policyVersion?: string;
}

/** What a user asks for. `type` is the command's path name in the HTTP contract. */
export type IssueCommand =
  | { readonly type: 'log'; readonly data: LogIssueData }
  | { readonly type: 'refer'; readonly data: { readonly serviceProvider: string; readonly note?: string } & AtMeeting }
  /** With a meetingId, the application has checked the meeting and set meetingDate to its date. */
  | { readonly type: 'board-review'; readonly data: { readonly meetingDate: string; readonly report: string } & AtMeeting }
  | { readonly type: 'roundtable'; readonly data: { readonly date: string; readonly participants: readonly string[] } & AtMeeting }
  | { readonly type: 'resolve'; readonly data: { readonly outcome: string } & AtMeeting }
  | { readonly type: 'feed-back'; readonly data: { readonly message: string; readonly channel: Channel } }
  | { readonly type: 'reopen'; readonly data: { readonly reason: string } }
  | { readonly type: 'withdraw'; readonly data: { readonly reason: string } }
  | { readonly type: 'assign'; readonly data: { readonly officer: string; readonly dueBy: string } }
  | { readonly type: 'notes'; readonly data: { readonly text: string; readonly public: boolean } }
  /** Destroy the resident's key (admin). Not a workflow step: never in an issue's allowedCommands. */
  | { readonly type: 'erase-personal-data'; readonly data: Record<string, never> }
  /** Workflow version 2: wait on the resident, pausing the resolve clock. */
  | { readonly type: 'await-resident'; readonly data: { readonly question: string } }
  | { readonly type: 'resident-replied'; readonly data: { readonly answer: string } }
  /**
   * The resident's answer to the outcome fed back: confirmed, or disputed with a reason (which
   * reopens the issue). `tokenId` names the emailed link it came by (single use, checked at the
   * edge); null when staff record what the resident told them by phone or letter.
   */
  | {
      readonly type: 'record-confirmation';
      readonly data: { readonly confirmed: boolean; readonly reason?: string; readonly channel: ConfirmationChannel; readonly tokenId?: string };
    }
  /** Move the issue to the newest workflow version (admin); at the newest already, nothing. */
  | { readonly type: 'upgrade-workflow'; readonly data: Record<string, never> };

export type CommandName = IssueCommand['type'];

/** Commands on an existing issue, in the order `allowedCommands` lists them. */
export const ISSUE_COMMAND_NAMES = [
  'refer',
  'board-review',
  'roundtable',
  'resolve',
  'feed-back',
  'reopen',
  'withdraw',
  'assign',
  'notes',
  'await-resident',
  'resident-replied',
  'record-confirmation',
] as const satisfies readonly CommandName[];
export type IssueCommandName = (typeof ISSUE_COMMAND_NAMES)[number];
