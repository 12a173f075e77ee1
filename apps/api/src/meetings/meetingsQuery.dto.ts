import { IsOptional } from 'class-validator';
import { IsoDate } from '../issues/commandBody.dto';

/** GET /areas/:areaId/meetings: a period on the meeting date, [from, to). */
export class MeetingsQuery {
  /** Meetings from this date or instant on (a bare date: from its midnight UTC, so that day's meetings are in). */
  @IsOptional()
  @IsoDate()
  from?: string;

  /** Meetings before this date or instant (a bare date: before its midnight UTC). */
  @IsOptional()
  @IsoDate()
  to?: string;
}
