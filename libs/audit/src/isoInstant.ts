/**
 * An instant an auditor names: an ISO 8601 date (`2026-03-01`, midnight UTC) or a date-time
 * (`2026-03-01T09:30:00Z`, `...+01:00`; without an offset it is UTC, as the KPI periods read it,
 * never the server's local time, which the auditor cannot see).
 */
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** The instant as a Date, or undefined when the text is not such an ISO 8601 instant (or names no real day). */
export function parseIsoInstant(text: string): Date | undefined {
  const match = ISO_INSTANT.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour = '00', minute = '00', second = '00'] = match;
  // Round-trip the calendar fields: Date would silently roll 2026-02-30 over into March.
  const fields = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)));
  const valid =
    fields.getUTCFullYear() === Number(year) &&
    fields.getUTCMonth() === Number(month) - 1 &&
    fields.getUTCDate() === Number(day) &&
    fields.getUTCHours() === Number(hour) &&
    fields.getUTCMinutes() === Number(minute) &&
    fields.getUTCSeconds() === Number(second);
  if (!valid) return undefined;
  const utc = match[4] === undefined ? `${text}T00:00:00Z` : match[8] === undefined ? `${text}Z` : text;
  const at = new Date(utc);
  return Number.isNaN(at.getTime()) ? undefined : at;
}
