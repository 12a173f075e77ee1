/* Dates and times as people in the council read them: en-GB, in the UK's time zone. */

const ZONE = 'Europe/London';
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: ZONE });
const dateOnly = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: ZONE });
const count = new Intl.NumberFormat('en-GB');

/** `24 Nov 2026, 10:30`; an unreadable value is shown as it is. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? iso : dateTime.format(instant);
}

/** `24 Nov 2026` for a date (YYYY-MM-DD, read as that calendar day) or an instant. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return Number.isNaN(instant.getTime()) ? value : dateOnly.format(instant);
}

export const formatCount = (value: number): string => count.format(value);

/** Today in the UK, as YYYY-MM-DD (deadlines are dates in Europe/London). */
export function todayInLondon(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
