import type { IssueStatus } from '@app/lifecycle';

/** Statuses as a printed agenda says them (the console's words). */
const STATUS_WORDS: Readonly<Record<IssueStatus, string>> = {
  logged: 'Logged',
  referred: 'Referred',
  boardReview: 'Board review',
  roundtable: 'Roundtable',
  resolved: 'Resolved',
  fedBack: 'Fed back',
  withdrawn: 'Withdrawn',
  awaitingResident: 'Awaiting the resident',
};

export const statusWords = (status: string): string => STATUS_WORDS[status as IssueStatus] ?? status;

/** `community-safety` as "Community safety". */
export const categoryWords = (category: string): string => {
  const words = category.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const DAY_AND_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', hour12: true });

/** "Thursday 3 December 2026" for a bare date; with the time in London for a date-time ("..., 6:30 pm"). */
export function meetingDateWords(date: string): string {
  if (BARE_DATE.test(date)) return DAY.format(new Date(`${date}T00:00:00Z`)).replace(',', '');
  const parts = DAY_AND_TIME.formatToParts(new Date(date));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')} ${part('dayPeriod').toLowerCase()}`;
}
