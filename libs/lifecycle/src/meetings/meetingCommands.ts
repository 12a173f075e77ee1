export interface ScheduleMeetingData {
  /** ISO 8601: a bare date or a date-time with Z or an offset. Past meetings may be recorded too. */
  readonly date: string;
  readonly venue: string;
}

export interface PublishMinutesData {
  /** The minutes as the board approved them; publishing again replaces them. */
  readonly text: string;
}

/**
 * What staff ask of a board meeting, each in the meeting's own stream (`meeting-<id>`). Scheduling
 * names the area (the meeting belongs to it for good); the minutes are of the meeting scheduled.
 */
export type MeetingCommand =
  | { readonly type: 'schedule-meeting'; readonly areaId: string; readonly data: ScheduleMeetingData }
  | { readonly type: 'publish-minutes'; readonly data: PublishMinutesData };

export type MeetingCommandName = MeetingCommand['type'];
