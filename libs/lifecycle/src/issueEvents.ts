import type { Channel } from './channel';
import type { CommandName, ConfirmationChannel, GeoPoint, IssueDetails, RaisedBy } from './issueCommands';
import type { DeadlineKind } from './deadlines/deadlineClock';
import type { StoredPersonalData } from './personalData';

/**
 * The event catalog: facts in the past tense. `occurredAt` is when it really happened
 * (ISO 8601); the store adds its own `recordedAt`.
 */
interface Fact<T extends string, D> {
  readonly type: T;
  readonly data: D;
  readonly occurredAt: string;
}

/** Personal data of the resident lives only here, so that erasure never touches the rest. */
export interface PersonalData {
  readonly raisedBy: RaisedBy;
  readonly address: string | null;
}

/**
 * v3: names the workflow version the issue is decided under and the service-level policy
 * version it keeps (null: logged before service levels existed, so it has no deadlines).
 * v2: `personal` is sealed under the key of the resident `subjectId` names (the write path seals
 * it before the event is hashed); v1 events, upcast, carry it in plaintext with `subjectId: null`.
 * `decide` produces it unsealed; nothing stores it so.
 */
export type IssueLogged = Fact<
  'IssueLogged',
  IssueDetails & {
    readonly location: GeoPoint | null;
    readonly subjectId: string | null;
    readonly personal: StoredPersonalData;
    readonly workflowVersion: number;
    readonly policyVersion: string | null;
  }
>;
/** Present only when the decision was taken at (or the review set for) a board meeting: older events have none. */
interface AtMeeting {
  readonly meetingId?: string;
}
export type IssueReferred = Fact<'IssueReferred', { readonly serviceProvider: string; readonly note: string | null } & AtMeeting>;
export type BoardReviewScheduled = Fact<'BoardReviewScheduled', { readonly meetingDate: string; readonly report: string } & AtMeeting>;
export type RoundtableConvened = Fact<'RoundtableConvened', { readonly date: string; readonly participants: readonly string[] } & AtMeeting>;
export type IssueResolved = Fact<'IssueResolved', { readonly outcome: string } & AtMeeting>;
export type OutcomeFedBack = Fact<'OutcomeFedBack', { readonly message: string; readonly channel: Channel }>;
export type IssueReopened = Fact<'IssueReopened', { readonly reason: string }>;
export type IssueWithdrawn = Fact<'IssueWithdrawn', { readonly reason: string }>;
export type OfficerAssigned = Fact<'OfficerAssigned', { readonly officer: string; readonly dueBy: string }>;
export type NoteAdded = Fact<'NoteAdded', { readonly text: string; readonly public: boolean }>;
/** The resident's key was destroyed with this event (subjectId null: a v1 issue, sealed under no key). */
export type PersonalDataErased = Fact<'PersonalDataErased', { readonly subjectId: string | null }>;
/**
 * The resident confirmed the outcome fed back to them: by an emailed link (`tokenId` names it,
 * so it is used once) or by phone or letter, recorded by staff (`tokenId` null).
 */
export type OutcomeConfirmed = Fact<'OutcomeConfirmed', { readonly channel: ConfirmationChannel; readonly tokenId: string | null }>;
/** The resident disputed it, with their reason; the same command records IssueReopened after it. */
export type OutcomeDisputed = Fact<
  'OutcomeDisputed',
  { readonly reason: string; readonly channel: ConfirmationChannel; readonly tokenId: string | null }
>;
/** Workflow version 2: the council waits on the resident; the resolve clock pauses meanwhile. */
export type ResidentAsked = Fact<'ResidentAsked', { readonly question: string }>;
/** The resident answered: the issue goes back to the status it left. */
export type ResidentReplied = Fact<'ResidentReplied', { readonly answer: string }>;
/** The issue is decided under a newer workflow version from here on. */
export type WorkflowUpgraded = Fact<'WorkflowUpgraded', { readonly from: number; readonly to: number }>;
/**
 * Recorded by the system when a deadline passes unmet: once per deadline (kind and cycle, a
 * reopened issue's fresh deadlines counting on from 0), under the policy version the issue keeps.
 */
export type DeadlineMissed = Fact<
  'DeadlineMissed',
  { readonly kind: DeadlineKind; readonly dueAt: string; readonly policyVersion: string; readonly cycle: number }
>;
/** The missed deadline is put before the area's board chair. */
export type IssueEscalated = Fact<'IssueEscalated', { readonly to: 'boardChair'; readonly kind: DeadlineKind; readonly cycle: number }>;

export type IssueEvent =
  | IssueLogged
  | IssueReferred
  | BoardReviewScheduled
  | RoundtableConvened
  | IssueResolved
  | OutcomeFedBack
  | IssueReopened
  | IssueWithdrawn
  | OfficerAssigned
  | NoteAdded
  | PersonalDataErased
  | ResidentAsked
  | ResidentReplied
  | WorkflowUpgraded
  | DeadlineMissed
  | IssueEscalated
  | OutcomeConfirmed
  | OutcomeDisputed;

export type IssueEventType = IssueEvent['type'];

/** The one event each command produces (one row of the contract's command table each). */
export const EVENT_OF_COMMAND = {
  log: 'IssueLogged',
  refer: 'IssueReferred',
  'board-review': 'BoardReviewScheduled',
  roundtable: 'RoundtableConvened',
  resolve: 'IssueResolved',
  'feed-back': 'OutcomeFedBack',
  reopen: 'IssueReopened',
  withdraw: 'IssueWithdrawn',
  assign: 'OfficerAssigned',
  notes: 'NoteAdded',
  'erase-personal-data': 'PersonalDataErased',
  'await-resident': 'ResidentAsked',
  'resident-replied': 'ResidentReplied',
  'upgrade-workflow': 'WorkflowUpgraded',
  // A dispute records OutcomeDisputed and IssueReopened; both are taken where OutcomeConfirmed is.
  'record-confirmation': 'OutcomeConfirmed',
} as const satisfies Record<CommandName, IssueEventType>;

/** What the system records by itself, as actor `system`: no command produces these. */
export const SYSTEM_EVENT_TYPES = ['DeadlineMissed', 'IssueEscalated'] as const satisfies readonly IssueEventType[];

/** Recorded by a command besides the one EVENT_OF_COMMAND names (a dispute, by record-confirmation). */
export const SECONDARY_EVENT_TYPES = ['OutcomeDisputed'] as const satisfies readonly IssueEventType[];

export const ISSUE_EVENT_TYPES = [...Object.values(EVENT_OF_COMMAND), ...SECONDARY_EVENT_TYPES, ...SYSTEM_EVENT_TYPES] as readonly IssueEventType[];

/**
 * The schema version each event type is written with today. Raise one when an event's data
 * changes shape, and add an upcaster for the old version in `upcast.ts`.
 */
export const EVENT_SCHEMA_VERSION: Record<IssueEventType, number> = {
  // 3: workflowVersion and policyVersion; 2: personal data sealed per resident, with its subjectId (upcast.ts reads v1 and v2).
  IssueLogged: 3,
  IssueReferred: 1,
  BoardReviewScheduled: 1,
  RoundtableConvened: 1,
  IssueResolved: 1,
  OutcomeFedBack: 1,
  IssueReopened: 1,
  IssueWithdrawn: 1,
  OfficerAssigned: 1,
  NoteAdded: 1,
  PersonalDataErased: 1,
  ResidentAsked: 1,
  ResidentReplied: 1,
  WorkflowUpgraded: 1,
  DeadlineMissed: 1,
  IssueEscalated: 1,
  OutcomeConfirmed: 1,
  OutcomeDisputed: 1,
};

/**
 * The versions of the workflow rules (the machine) released so far; every one is kept. Each
 * event records the version that decided it, so old streams replay under the rules then in
 * force; a new issue is decided under the newest, an old one until `upgrade-workflow`.
 */
export const WORKFLOW_VERSIONS = [1, 2] as const;
export type WorkflowVersion = (typeof WORKFLOW_VERSIONS)[number];
export const LATEST_WORKFLOW_VERSION: WorkflowVersion = 2;

export function isWorkflowVersion(version: unknown): version is WorkflowVersion {
  return (WORKFLOW_VERSIONS as readonly unknown[]).includes(version);
}

export function isIssueEventType(type: string): type is IssueEventType {
  return (ISSUE_EVENT_TYPES as readonly string[]).includes(type);
}
