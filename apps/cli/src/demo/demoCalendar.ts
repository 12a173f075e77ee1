/**
 * Dates for the demo's history. Times are UTC, which is London time in winter and an hour
 * behind it in summer: near enough for office hours and evening meetings. No random draws
 * here, so a seed's draws never depend on the calendar.
 */
export const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

export const addDays = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);
export const addMinutes = (at: Date, minutes: number) => new Date(at.getTime() + minutes * MINUTE_MS);

/** The same instant `months` calendar months away (the day clamped to the month's length). */
export function addMonths(at: Date, months: number): Date {
  const target = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(at.getUTCDate(), lastDay));
  target.setUTCHours(at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds(), at.getUTCMilliseconds());
  return target;
}

/** `YYYY-MM-DD` (UTC). */
export const isoDate = (at: Date) => at.toISOString().slice(0, 10);

const isWeekend = (at: Date) => at.getUTCDay() === 0 || at.getUTCDay() === 6;
const minutesOfDay = (at: Date) => at.getUTCHours() * 60 + at.getUTCMinutes();
const atMinutes = (day: Date, minutes: number) =>
  new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()) + minutes * MINUTE_MS);

/** Folds the time of day into [fromHour, toHour) on the same day, keeping the spread of the minutes. */
export function foldIntoHours(at: Date, fromHour: number, toHour: number): Date {
  const minutes = minutesOfDay(at);
  if (minutes >= fromHour * 60 && minutes < toHour * 60) return at;
  return atMinutes(at, fromHour * 60 + (minutes % ((toHour - fromHour) * 60)));
}

/** A weekday at or before `at` (weekends move back to Friday, same time). */
export function weekdayAtOrBefore(at: Date): Date {
  let day = at;
  while (isWeekend(day)) day = addDays(day, -1);
  return day;
}

/** The first office moment at or after `at`: out-of-hours work waits for the next weekday morning. */
export function nextWorkingTime(at: Date): Date {
  let next = at;
  const minutes = minutesOfDay(next);
  if (minutes >= 17 * 60) next = atMinutes(addDays(next, 1), 8 * 60 + (minutes % 180));
  else if (minutes < 8 * 60) next = atMinutes(next, 8 * 60 + (minutes % 180));
  while (isWeekend(next)) next = addDays(next, 1);
  return next;
}

/**
 * An area board's meeting in a month: each area meets monthly on its own weekday (Monday to
 * Thursday) and week of the month, at 18:30.
 */
export function meetingIn(areaIndex: number, year: number, month: number): Date {
  const weekday = 1 + (areaIndex % 4);
  const week = Math.floor(areaIndex / 4) % 4;
  const first = new Date(Date.UTC(year, month, 1));
  const offset = (weekday - first.getUTCDay() + 7) % 7;
  return new Date(Date.UTC(year, month, 1 + offset + week * 7, 18, 30));
}

/** The area's first meeting at or after `at`. */
export function nextMeeting(areaIndex: number, at: Date): Date {
  for (let months = 0; ; months++) {
    const meeting = meetingIn(areaIndex, at.getUTCFullYear(), at.getUTCMonth() + months);
    if (meeting.getTime() >= at.getTime()) return meeting;
  }
}

/** The area's last meeting at or before `at`. */
export function previousMeeting(areaIndex: number, at: Date): Date {
  for (let months = 0; ; months--) {
    const meeting = meetingIn(areaIndex, at.getUTCFullYear(), at.getUTCMonth() + months);
    if (meeting.getTime() <= at.getTime()) return meeting;
  }
}
