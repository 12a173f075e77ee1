import type { LondonDay } from './deadlineClock';

// Intl is deterministic here: no I/O, only the time zone rules bundled with the runtime.
// en-CA formats as YYYY-MM-DD; built once because constructing a formatter is costly.
const LONDON = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const BARE_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
// A date-time without Z or an offset would be read in the process's own time zone.
const ZONED = /(?:Z|[+-]\d{2}:?\d{2})$/i;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether a string is a real calendar day written `YYYY-MM-DD` (not 2026-02-30). */
export function isLondonDay(text: string): boolean {
  const match = BARE_DAY.exec(text);
  if (!match) return false;
  return toDay(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) === text;
}

/**
 * The calendar day in Europe/London of an instant (a Date or an ISO 8601 date-time); a bare
 * `YYYY-MM-DD` is that day as it stands. 23:30 UTC is the same day in winter, the next in summer.
 */
export function londonDay(instant: string | Date): LondonDay {
  if (typeof instant === 'string' && BARE_DAY.test(instant)) {
    if (!isLondonDay(instant)) throw new RangeError(`not a calendar day: ${instant}`);
    return instant;
  }
  if (typeof instant === 'string' && !ZONED.test(instant)) throw new RangeError(`an instant needs Z or an offset: ${instant}`);
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime())) throw new RangeError(`not an instant: ${String(instant)}`);
  const parts = LONDON.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The day `n` calendar days after `day` (before it when `n` is negative). */
export function addDays(day: LondonDay, n: number): LondonDay {
  return toDay(utcMidnight(day) + n * DAY_MS);
}

/** Saturday or Sunday. */
export function isWeekend(day: LondonDay): boolean {
  const weekday = new Date(utcMidnight(day)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Negative when `a` is before `b`, 0 on the same day, positive after: `YYYY-MM-DD` sorts as text. */
export const compareDays = (a: LondonDay, b: LondonDay): number => (a < b ? -1 : a > b ? 1 : 0);

/** The earlier of two days. */
export const earlierDay = (a: LondonDay, b: LondonDay): LondonDay => (a <= b ? a : b);

// A day is only a label, so UTC midnight serves for arithmetic: no clock change can shift it.
function utcMidnight(day: LondonDay): number {
  const match = BARE_DAY.exec(day);
  if (!match) throw new RangeError(`not a calendar day: ${day}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

const toDay = (ms: number): LondonDay => new Date(ms).toISOString().slice(0, 10);
