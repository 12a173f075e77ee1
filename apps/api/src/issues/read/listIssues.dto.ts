import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { CHANNELS, ISSUE_STATUSES, type IssueStatus } from '@app/lifecycle';
import { IsoDate } from '../commandBody.dto';
import { IssueView } from '../issueView.dto';

/** GET /issues: every filter is optional; they combine with AND. */
export class ListIssuesQuery {
  @IsOptional()
  @IsIn(ISSUE_STATUSES)
  status?: string;

  @IsOptional()
  @IsString()
  @Length(1, 64)
  areaId?: string;

  @IsOptional()
  @IsString()
  @Length(1, 64)
  category?: string;

  @IsOptional()
  @IsIn(CHANNELS)
  channel?: string;

  /** Text in the title, description or reference (case-insensitive). */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  /** loggedAt on or after this instant (ISO 8601). */
  @IsOptional()
  @IsoDate()
  from?: string;

  /** loggedAt before this instant (ISO 8601). */
  @IsOptional()
  @IsoDate()
  to?: string;

  /** Only open issues whose dueBy day is over (true), as the KPIs count them. */
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';

  @IsOptional()
  @IsString()
  @Length(1, 200)
  officer?: string;

  /** newest (default: loggedAt, newest first) or nextDeadline (the soonest dueAt of a running deadline first; issues without one last, newest first). */
  @IsOptional()
  @IsIn(['newest', 'nextDeadline'])
  sort?: 'newest' | 'nextDeadline';

  /** true: the open disputes (items with a `disputedAt`) first, then the rest, each part in `sort` order (the console's queue). */
  @IsOptional()
  @IsIn(['true', 'false'])
  disputesFirst?: 'true' | 'false';

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

const STATUS_COUNTS_EXAMPLE = Object.fromEntries(ISSUE_STATUSES.map((status) => [status, 0]));

/** An issue in the tracker: the issue read model, and whether its resident's dispute is open. */
export class IssueListItemView extends IssueView {
  /** When the resident disputed the outcome (OutcomeDisputed, which reopened it); null when never, or once resolved again or withdrawn. */
  @ApiProperty({ type: String, nullable: true, example: '2026-04-11T09:00:00.000Z' })
  disputedAt: string | null;
}

/** A page of the tracker. */
export class IssueListView {
  @ApiProperty({ type: () => [IssueListItemView] })
  items: IssueListItemView[];
  total: number;
  page: number;
  pageSize: number;
  /** The global position of the last event the tracker has applied. */
  asOfPosition: number;
  /** Issues per status (every status, 0 when none) under the same filters but `status`, in your areas, paging aside: the queue's tabs. */
  @ApiProperty({ type: Object, additionalProperties: { type: 'integer' }, example: STATUS_COUNTS_EXAMPLE })
  statusCounts: Record<IssueStatus, number>;
}
