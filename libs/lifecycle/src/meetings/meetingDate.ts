/*
 * A board meeting's date, as the contract gives it: an ISO 8601 bare date (`2026-12-03`) or a
 * date-time (`2026-12-03T18:30:00+00:00`). A bare date stays as given; a date-time is kept in UTC
 * with milliseconds, as every instant of the store is. Whether a meeting is past is judged by
 * calendar day in UTC: a meeting today still counts as ahead, whatever the hour.
 */

const BARE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** The date as stored, or undefined when it is no ISO 8601 date, nor a date-time with Z or an offset. */
export function normaliseMeetingDate(text: string): string | undefined {
  const bare = BARE_DATE.exec(text);
  if (bare) return isCalendarDay(bare) ? text : undefined;
  const dated = DATE_TIME.exec(text);
  if (!dated || !isCalendarDay(dated)) return undefined;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

/** The calendar day in UTC (`YYYY-MM-DD`) of a stored meeting date. */
export const meetingDayOf = (date: string): string => (BARE_DATE.test(date) ? date : new Date(date).toISOString().slice(0, 10));

/** The instant a stored meeting date starts at: a bare date at midnight UTC. Meetings are ordered and filtered by it. */
export const meetingStartOf = (date: string): string => (BARE_DATE.test(date) ? `${date}T00:00:00.000Z` : new Date(date).toISOString());

/** Before today (UTC) by the injected clock's reading: a meeting later today is not past. */
export const isPastMeeting = (date: string, now: Date): boolean => meetingDayOf(date) < now.toISOString().slice(0, 10);

/**
 * Do two dates name the same meeting date? Equal once normalised, or a bare date naming the
 * day (UTC) of the other's date-time: a form that asks only for the day may send the day.
 */
export function sameMeetingDate(a: string, b: string): boolean {
  const [left, right] = [normaliseMeetingDate(a), normaliseMeetingDate(b)];
  if (left === undefined || right === undefined) return false;
  if (left === right) return true;
  return (BARE_DATE.test(left) || BARE_DATE.test(right)) && meetingDayOf(left) === meetingDayOf(right);
}

/** JavaScript rolls 30 February over into March: the date part must exist on the calendar. */
function isCalendarDay([, year, month, day]: RegExpExecArray): boolean {
  const at = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return at.getUTCFullYear() === Number(year) && at.getUTCMonth() === Number(month) - 1 && at.getUTCDate() === Number(day);
}
