import type { GeoPoint, IssueDetails } from './issueCommands';
import type { IssuePersonalData } from './personalData';
import type { DeadlineClock } from './deadlines/deadlineClock';
import type { WorkflowVersion } from './issueEvents';
import type { AskingStatus, IssueStatus } from './issueStatus';

/** Before its first event an issue does not exist. */
export interface NoIssue {
  readonly status: 'none';
  readonly version: 0;
}

/** What the fold of an issue's events knows; enough to decide every command. */
export interface Issue extends IssueDetails {
  readonly status: IssueStatus;
  /** The number of events in the stream. */
  readonly version: number;
  readonly location: GeoPoint | null;
  /** Sealed (v2), plaintext (v1 events) or erased: opaque to the domain, revealed at the edge. */
  readonly personal: IssuePersonalData;
  /** The resident whose key seals `personal`; null for v1 issues. */
  readonly subjectId: string | null;
  readonly serviceProvider: string | null;
  readonly officer: string | null;
  readonly dueBy: string | null;
  readonly outcome: string | null;
  readonly loggedAt: string;
  /** `occurredAt` of the latest event: a new event may not claim to have happened before it. */
  readonly updatedAt: string;
  readonly resolvedAt: string | null;
  readonly fedBackAt: string | null;
  /** The workflow version the issue is decided under (its machine). */
  readonly workflowVersion: WorkflowVersion;
  /** While `awaitingResident`, the status a reply returns to; null otherwise. */
  readonly resumeStatus: AskingStatus | null;
  /** The service-level policy the issue keeps; null: logged before service levels, no deadlines. */
  readonly policyVersion: string | null;
  /** Its current deadlines' facts (the first acknowledge, and this cycle's resolve and feedBack). */
  readonly deadlineClocks: readonly DeadlineClock[];
  /** How many times it was reopened: the cycle of its current resolve and feedBack deadlines. */
  readonly cycle: number;
}

export type IssueState = NoIssue | Issue;

export const NO_ISSUE: NoIssue = { status: 'none', version: 0 };
