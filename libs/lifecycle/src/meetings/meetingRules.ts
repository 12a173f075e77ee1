import { err, ok, type Result } from '../result';
import type { PublishMinutesData, ScheduleMeetingData } from './meetingCommands';
import { normaliseMeetingDate } from './meetingDate';
import type { MeetingScheduled, MinutesPublished } from './meetingEvents';

/** Each problem starts with the field it is about, as the edge's validation messages do. */
export type Problems = readonly string[];

const blank = (text: string) => text.trim() === '';

/** A date the calendar has and a venue that says something. Any date: a past meeting may be recorded. */
export function checkSchedule(areaId: string, data: ScheduleMeetingData): Result<MeetingScheduled['data'], Problems> {
  const problems: string[] = [];
  const date = normaliseMeetingDate(data.date);
  if (date === undefined) problems.push(`date must be an ISO 8601 date (YYYY-MM-DD) or a date-time with Z or an offset, got ${data.date}`);
  if (blank(data.venue)) problems.push('venue must not be blank');
  if (problems.length > 0 || date === undefined) return err(problems);
  return ok({ areaId, date, venue: data.venue });
}

export function checkMinutes(data: PublishMinutesData): Result<MinutesPublished['data'], Problems> {
  return blank(data.text) ? err(['text must not be blank']) : ok({ text: data.text });
}
