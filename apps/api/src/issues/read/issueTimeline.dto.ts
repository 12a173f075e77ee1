import { ApiProperty } from '@nestjs/swagger';
import { ISSUE_STATUSES } from '@app/lifecycle';

/** Who took a step, named for people. */
export class TimelineActorView {
  id: string;
  /** The name their token carried when they acted; "System" for the system, "Resident" for a resident, else the id. */
  name: string;
  /** A staff role, `resident` or `system`. */
  role: string;
}

/** One step of an issue, for the staff working on it (shared/contract/API.md, "The issue read model"). */
export class TimelineStepView {
  /** 1-based position in the issue's stream. */
  version: number;
  /** The event's type (IssueReferred, NoteAdded, ...). */
  type: string;
  /** The issue's status once the step was taken. */
  @ApiProperty({ enum: ISSUE_STATUSES })
  status: string;
  /** When it happened (its `occurredAt`, ISO 8601). */
  at: string;
  actor: TimelineActorView;
  /** What it says in a few words, without the resident's personal data. */
  summary: string;
  /** The step's own words: a note, a referral's note, a board report, an outcome, a feedback message, a reason, a question or the resident's answer ("[erased]" once their personal data is erased). */
  note?: string;
  /** Whether a resident sees the step on the public tracker (a change of status, or a public note). */
  public: boolean;
}
