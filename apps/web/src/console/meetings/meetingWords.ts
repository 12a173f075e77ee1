import type { Meeting } from '../../shared/contract';

/*
 * A board meeting in words, and the days the console asks about. Pure: unit-tested.
 * Whether a meeting is past is the server's rule (by calendar day in UTC): the console asks for
 * meetings from the same day, so it offers exactly the meetings a board review may name.
 */

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const DAY_AND_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** "Thursday 3 December 2026", or with the time in London: "Thursday 3 December 2026 at 18:30". */
export function meetingDateLabel(date: string): string {
  if (BARE_DATE.test(date)) return DAY.format(new Date(`${date}T00:00:00Z`)).replace(',', '');
  const instant = new Date(date);
  return Number.isNaN(instant.getTime()) ? date : DAY_AND_TIME.format(instant).replace(',', '');
}

/** How the board review form offers a meeting: its date and venue. */
export const meetingOptionLabel = (meeting: Meeting): string => `${meetingDateLabel(meeting.date)}, ${meeting.venue}`;

/** Today by the server's rule for "not in the past": the calendar day in UTC. */
export const todayInUtc = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

/** The printable agenda of a meeting, served by the API. */
export const agendaHref = (meeting: Meeting): string => `/meetings/${encodeURIComponent(meeting.id)}/agenda.html`;
