import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A meeting's minutes as last published. */
export class MinutesView {
  text: string;
  /** When they were published (ISO 8601, UTC): a later publication replaces them. */
  publishedAt: string;
}

/** A board meeting: public, as board meetings are. */
export class MeetingView {
  /** The meeting's id (a UUID): send it as `meetingId` with board-review, refer, roundtable and resolve. */
  id: string;
  areaId: string;
  /** ISO 8601 as given: a bare date stays a bare date; a date-time is in UTC with milliseconds. */
  date: string;
  venue: string;
  /** Present once the board chair has published them. */
  @ApiPropertyOptional({ type: MinutesView })
  minutes?: MinutesView;
}

/** GET /areas/:areaId/meetings. */
export class MeetingListView {
  /** Soonest first. */
  @ApiProperty({ type: [MeetingView] })
  items: MeetingView[];
  /** The global position the meetings projection has reached. */
  asOfPosition: number;
}

/** An issue put to the meeting: what the public tracker shows of it, and the board's report. Never anything personal. */
export class AgendaItemView {
  reference: string;
  title: string;
  category: string;
  /** What the board is asked to consider (the board-review command's report). */
  report: string;
  /** The status now. */
  status: string;
  /** What was decided at the meeting, in words ("Referred to ...", "Roundtable convened", "Resolved: ..."); absent until decided. */
  @ApiPropertyOptional()
  decision?: string;
}

/** An item on every agenda, whatever issues are put to the meeting. */
export class StandingItemView {
  title: string;
  description: string;
}

/** GET /meetings/:id/agenda. */
export class AgendaView {
  meeting: MeetingView;
  /** The issues put to the meeting (board-review with its meetingId), in the order they were put. */
  @ApiProperty({ type: [AgendaItemView] })
  items: AgendaItemView[];
  /** Items on every agenda, after the issues: "Matters of local concern". */
  @ApiProperty({ type: [StandingItemView] })
  standingItems: StandingItemView[];
  /** The global position both projections it reads (meetings, public-tracker) have reached at least. */
  asOfPosition: number;
}
