/* Dates and times as people in the council read them: en-GB (or Welsh), in the UK's time zone. */

const ZONE = 'Europe/London';
const count = new Intl.NumberFormat('en-GB');

/** Dates and times said in one locale: `en-GB` (the console, English pages) or `cy` (Welsh pages). */
export interface DateFormats {
  /** `24 Nov 2026, 10:30` (`24 Tach 2026, 10:30` in Welsh); an unreadable value is shown as it is. */
  readonly dateTime: (iso: string | null | undefined) => string;
  /** `24 Nov 2026` for a date (YYYY-MM-DD, read as that calendar day) or an instant. */
  readonly date: (value: string | null | undefined) => string;
}

/**
 * Dates in `locale` through Intl. A browser whose Intl lacks the locale (Chromium ships Welsh
 * data only in some builds) gets the same shape, `5 Maw 2026, 10:30`, from `months` (the
 * locale's short month names), so a Welsh page never shows an English month.
 */
export function dateFormats(locale: string, months?: readonly string[]): DateFormats {
  const native = months === undefined || Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
  const dateTime = native ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: ZONE }) : null;
  const dateOnly = native ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: ZONE }) : null;
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const fromMonths = (instant: Date, withTime: boolean): string => {
    const part = Object.fromEntries(parts.formatToParts(instant).map(({ type, value }) => [type, value]));
    const date = `${Number(part.day)} ${months?.[Number(part.month) - 1] ?? part.month} ${part.year}`;
    return withTime ? `${date}, ${part.hour}:${part.minute}` : date;
  };
  return {
    dateTime: (iso) => {
      if (!iso) return '—';
      const instant = new Date(iso);
      if (Number.isNaN(instant.getTime())) return iso;
      return dateTime ? dateTime.format(instant) : fromMonths(instant, true);
    },
    date: (value) => {
      if (!value) return '—';
      const instant = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
      if (Number.isNaN(instant.getTime())) return value;
      return dateOnly ? dateOnly.format(instant) : fromMonths(instant, false);
    },
  };
}

const british = dateFormats('en-GB');

/** `24 Nov 2026, 10:30`; an unreadable value is shown as it is. */
export const formatDateTime = (iso: string | null | undefined): string => british.dateTime(iso);

/** `24 Nov 2026` for a date (YYYY-MM-DD, read as that calendar day) or an instant. */
export const formatDate = (value: string | null | undefined): string => british.date(value);

export const formatCount = (value: number): string => count.format(value);

/** Today in the UK, as YYYY-MM-DD (deadlines are dates in Europe/London). */
export function todayInLondon(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
