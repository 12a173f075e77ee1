import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ISSUE_STATUSES, type IssueStatus } from '@app/lifecycle';

/** One step of the public timeline: a change of status, or a note the council made public. */
export class PublicTimelineStepView {
  /** The issue's status from this step on (for a note: the status it was in). */
  @ApiProperty({ enum: ISSUE_STATUSES })
  status: IssueStatus;
  /** When it happened (occurredAt, ISO 8601). */
  at: string;
  /** The text of a public note; absent on a change of status. */
  @ApiPropertyOptional()
  note?: string;
}

/** An issue as anyone may see it: no personal data, no internal notes, reasons or reports. */
export class PublicIssueView {
  /** e.g. TROW-2026-00042. */
  reference: string;
  title: string;
  category: string;
  areaId: string;
  @ApiProperty({ enum: ISSUE_STATUSES })
  status: IssueStatus;
  loggedAt: string;
  /** Oldest first. */
  @ApiProperty({ type: [PublicTimelineStepView] })
  timeline: PublicTimelineStepView[];
  /** What was done: only while the issue is resolved or fed back. */
  @ApiPropertyOptional()
  outcome?: string;
  /** The global position of the last event this view has applied. */
  asOfPosition: number;
}

/** An issue residents raised and what the council did about it. */
export class YouSaidWeDidItemView {
  reference: string;
  title: string;
  category: string;
  areaId: string;
  /** resolved or fedBack. */
  @ApiProperty({ enum: ['resolved', 'fedBack'] })
  status: IssueStatus;
  loggedAt: string;
  /** When it was (last) resolved. */
  resolvedAt: string;
  outcome: string;
}

/** A page of "you said, we did", latest resolution first. */
export class YouSaidWeDidView {
  @ApiProperty({ type: [YouSaidWeDidItemView] })
  items: YouSaidWeDidItemView[];
  /** How many issues match, over all pages. */
  total: number;
  /** The global position of the last event this list has applied. */
  asOfPosition: number;
}
