/**
 * Dates as GeoReport v2 writes them: W3C-DTF (ISO 8601 profile), which FixMyStreet parses
 * with DateTime::Format::W3CDTF. Written to the second, in UTC.
 */
export const w3cDateTime = (iso: string): string => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');

const W3CDTF = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * A W3C-DTF date or date-time as an instant; undefined when it is not one or names no real
 * day. A bare date is its midnight UTC. A '+' of an offset sent unencoded in a query string
 * arrives as a space, and is read as the '+' it was.
 */
export function parseW3cDateTime(text: string): Date | undefined {
  const match = W3CDTF.exec(text.replace(/ (\d{2}:\d{2})$/, '+$1'));
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match;
  const at = new Date(match[4] === undefined ? `${year}-${month}-${day}T00:00:00Z` : text.replace(/ (\d{2}:\d{2})$/, '+$1'));
  if (Number.isNaN(at.getTime())) return undefined;
  // Date() rolls 31 February over into March: a date that names no real day is refused instead.
  const probe = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (probe.getUTCMonth() !== Number(month) - 1 || probe.getUTCDate() !== Number(day)) return undefined;
  if (hour !== undefined && (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59)) return undefined;
  return at;
}

/**
 * A dueBy date (a calendar day in Europe/London) as the W3C-DTF date-time its day ends at,
 * with London's offset on that day: `2027-01-15T23:59:59+00:00`, `2027-07-15T23:59:59+01:00`.
 */
export function endOfLondonDay(date: string): string {
  const noon = new Date(`${date}T12:00:00Z`);
  const zone = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' })
    .formatToParts(noon)
    .find((part) => part.type === 'timeZoneName')?.value;
  const hours = Number(/GMT([+-]\d+)?/.exec(zone ?? '')?.[1] ?? 0);
  const offset = `${hours < 0 ? '-' : '+'}${String(Math.abs(hours)).padStart(2, '0')}:00`;
  return `${date}T23:59:59${offset}`;
}
