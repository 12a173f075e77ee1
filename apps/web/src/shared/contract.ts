/*
 * What the API answers, as the pages read it (shared/contract/API.md). Types only: the server
 * is the authority, these say which fields a page may rely on.
 */

export type IssueStatus = 'logged' | 'referred' | 'boardReview' | 'roundtable' | 'resolved' | 'fedBack' | 'withdrawn' | 'awaitingResident';
export type Channel = 'online' | 'email' | 'phone' | 'letter' | 'meeting';
export type Role = 'areaManager' | 'boardChair' | 'officer' | 'auditor' | 'viewer' | 'admin';
export type CommandName =
  | 'refer'
  | 'board-review'
  | 'roundtable'
  | 'resolve'
  | 'feed-back'
  | 'reopen'
  | 'withdraw'
  | 'assign'
  | 'notes'
  | 'await-resident'
  | 'resident-replied'
  | 'upgrade-workflow'
  | 'record-confirmation';

export interface Area {
  readonly id: string;
  readonly code: string;
  readonly name: string;
}

/** GET /me: who the token says you are, and the commands your role may run. */
export interface Me {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly areas: readonly string[];
  readonly commands: readonly CommandName[];
}

export interface Deadline {
  readonly kind: 'acknowledge' | 'resolve' | 'feedBack';
  readonly dueAt: string;
  readonly workingDays: number;
  readonly pausedDays: number;
  readonly state: 'running' | 'paused' | 'met' | 'missed';
}

/** GET /issues/:id, and every command's answer. */
export interface Issue {
  readonly id: string;
  readonly reference: string;
  readonly title: string;
  readonly description: string;
  readonly category: string;
  readonly areaId: string;
  readonly channel: Channel;
  readonly status: IssueStatus;
  readonly version: number;
  readonly loggedAt: string;
  readonly updatedAt: string;
  readonly raisedBy: { readonly name: string; readonly email?: string; readonly phone?: string };
  readonly location: { readonly lat: number; readonly lng: number; readonly address?: string } | null;
  readonly serviceProvider: string | null;
  readonly officer: string | null;
  readonly dueBy: string | null;
  readonly outcome: string | null;
  readonly resolvedAt: string | null;
  readonly fedBackAt: string | null;
  readonly allowedCommands: readonly CommandName[];
  readonly workflowVersion: number;
  readonly policyVersion: string | null;
  readonly deadlines: readonly Deadline[];
}

/** An item of GET /issues: the issue, and since when its resident's dispute is open (null: none open). */
export interface IssueListItem extends Issue {
  readonly disputedAt?: string | null;
}

/** GET /issues. */
export interface IssueList {
  readonly items: readonly IssueListItem[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly asOfPosition: number;
  /** Issues per status for the same filters, the status filter aside (this API's addition to the contract). */
  readonly statusCounts: Readonly<Partial<Record<IssueStatus, number>>>;
}

/** One step of GET /issues/:id/timeline. */
export interface TimelineStep {
  readonly version: number;
  readonly type: string;
  readonly status: IssueStatus;
  readonly at: string;
  readonly actor: { readonly id: string; readonly name: string; readonly role: string };
  readonly summary: string;
  readonly note?: string;
  readonly public: boolean;
}

/** One event of GET /issues/:id/history. */
export interface HistoryEvent {
  readonly version: number;
  readonly globalPosition: number;
  readonly type: string;
  readonly occurredAt: string | null;
  readonly recordedAt: string;
  readonly actor: { readonly id: string; readonly role: string } | null;
  readonly data: unknown;
  readonly correlationId: string | null;
  readonly causationId: string | null;
  readonly hash: string;
  readonly prevHash: string | null;
}

export interface IssueHistory {
  readonly id: string;
  readonly reference: string;
  readonly events: readonly HistoryEvent[];
}

export interface Violation {
  readonly issueId: string;
  readonly version: number;
  readonly kind: string;
  readonly detail: string;
}

/** GET /audit/verify. */
export interface VerifyReport {
  readonly ok: boolean;
  readonly streamsChecked: number;
  readonly eventsChecked: number;
  readonly violations: readonly Violation[];
}

/** GET /public/issues/:reference. */
export interface PublicIssue {
  readonly reference: string;
  readonly title: string;
  readonly category: string;
  readonly areaId: string;
  readonly status: IssueStatus;
  readonly loggedAt: string;
  readonly timeline: readonly { readonly status: IssueStatus; readonly at: string; readonly note?: string }[];
  readonly outcome?: string;
}

/** One message of GET /events/stream. */
export interface LiveEvent {
  readonly type: string;
  readonly issueId: string;
  readonly status: string;
  readonly globalPosition: number;
}

/** One message owed to a resident (GET /issues/:id/notifications, GET /notifications). */
export interface ResidentNotification {
  readonly id: string;
  /** The event that owes it: IssueLogged, BoardReviewScheduled, IssueReferred, OutcomeFedBack, IssueReopened. */
  readonly event: string;
  readonly channel: 'email' | 'letter' | 'phone';
  readonly language: string;
  readonly status: 'pending' | 'sent' | 'failed' | 'cancelled' | 'done';
  readonly attempts: number;
  readonly sentAt?: string;
  readonly createdAt: string;
  readonly lastError?: string;
  /** GET /notifications only (across issues). */
  readonly issueId?: string;
  readonly reference?: string;
}

/** A letter in the print queue (GET /letters). */
export interface PrintLetter {
  readonly id: string;
  readonly notificationId: string;
  readonly issueId: string;
  readonly reference: string;
  readonly status: string;
}

/** A board meeting (GET /meetings/:id, and each item of GET /areas/:areaId/meetings). */
export interface Meeting {
  readonly id: string;
  readonly areaId: string;
  /** A bare date (YYYY-MM-DD) or a date-time in UTC. */
  readonly date: string;
  readonly venue: string;
  readonly minutes?: { readonly text: string; readonly publishedAt: string };
}

/** GET /areas/:areaId/meetings. */
export interface MeetingList {
  readonly items: readonly Meeting[];
  readonly asOfPosition: number;
}

/** GET /meetings/:id/agenda. */
export interface Agenda {
  readonly meeting: Meeting;
  readonly items: readonly {
    readonly reference: string;
    readonly title: string;
    readonly category: string;
    readonly report: string;
    readonly status: IssueStatus;
    readonly decision?: string;
  }[];
  readonly standingItems: readonly { readonly title: string; readonly description: string }[];
  readonly asOfPosition: number;
}
