/** What verify can find wrong (shared/contract/API.md, "Audit"). */
export type ViolationKind = 'hash-mismatch' | 'illegal-transition' | 'version-gap' | 'unknown-event' | 'anchor-mismatch';

export interface Violation {
  /** The issue it concerns; null for an area's stream, or what no issue can be named for. */
  readonly issueId: string | null;
  /** The stream concerned (an issue's `issue-<id>`, an area's `area-<id>`), null when none is. */
  readonly streamId: string | null;
  /** The event version concerned, when one is. */
  readonly version: number | null;
  readonly kind: ViolationKind;
  /** In words, for the auditor: what differs, and what that means. */
  readonly detail: string;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly streamsChecked: number;
  readonly eventsChecked: number;
  readonly violations: Violation[];
}
