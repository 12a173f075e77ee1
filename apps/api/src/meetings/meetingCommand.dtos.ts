import { IsoDate, Text } from '../issues/commandBody.dto';

/** POST /areas/:areaId/meetings (shared/contract/API.md, "Board meetings"). */
export class ScheduleMeetingDto {
  /** ISO 8601: a bare date (`2026-12-03`) or a date-time with Z or an offset (`2026-12-03T18:30:00Z`). */
  @IsoDate()
  date: string;

  /** Where the board meets. */
  @Text(1, 500)
  venue: string;
}

/** POST /meetings/:id/minutes: publishing again replaces them. */
export class PublishMinutesDto {
  /** The minutes as approved. */
  @Text(1, 50_000)
  text: string;
}
