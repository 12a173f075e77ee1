import type { Channel } from './channel';
import type { CommandName, GeoPoint, IssueDetails, RaisedBy } from './issueCommands';
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
  }
>;
export type IssueReferred = Fact<'IssueReferred', { readonly serviceProvider: string; readonly note: string | null }>;
export type BoardReviewScheduled = Fact<'BoardReviewScheduled', { readonly meetingDate: string; readonly report: string }>;
export type RoundtableConvened = Fact<'RoundtableConvened', { readonly date: string; readonly participants: readonly string[] }>;
export type IssueResolved = Fact<'IssueResolved', { readonly outcome: string }>;
export type OutcomeFedBack = Fact<'OutcomeFedBack', { readonly message: string; readonly channel: Channel }>;
export type IssueReopened = Fact<'IssueReopened', { readonly reason: string }>;
export type IssueWithdrawn = Fact<'IssueWithdrawn', { readonly reason: string }>;
export type OfficerAssigned = Fact<'OfficerAssigned', { readonly officer: string; readonly dueBy: string }>;
export type NoteAdded = Fact<'NoteAdded', { readonly text: string; readonly public: boolean }>;
/** The resident's key was destroyed with this event (subjectId null: a v1 issue, sealed under no key). */
export type PersonalDataErased = Fact<'PersonalDataErased', { readonly subjectId: string | null }>;

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
  | PersonalDataErased;

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
} as const satisfies Record<CommandName, IssueEventType>;

export const ISSUE_EVENT_TYPES = Object.values(EVENT_OF_COMMAND) as readonly IssueEventType[];

/**
 * The schema version each event type is written with today. Raise one when an event's data
 * changes shape, and add an upcaster for the old version in `upcast.ts`.
 */
export const EVENT_SCHEMA_VERSION: Record<IssueEventType, number> = {
  // 2: personal data sealed per resident, with its subjectId (upcast.ts reads v1).
  IssueLogged: 2,
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
};

/**
 * The version of the workflow rules (the machine and the policies around it) that decided an
 * event. Recorded on every event so that old streams can replay under the rules then in force.
 */
export const WORKFLOW_VERSION = 1;

export function isIssueEventType(type: string): type is IssueEventType {
  return (ISSUE_EVENT_TYPES as readonly string[]).includes(type);
}
