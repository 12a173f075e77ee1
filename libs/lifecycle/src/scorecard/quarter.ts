/**
 * Calendar quarters, the period scorecards are reviewed and recorded in, written `YYYY-Qn`.
 * The quarter of an instant is that of its date in Europe/London, where the councils are: an
 * issue logged at 23:30 UTC on 31 March (00:30 BST on 1 April) counts in Q2.
 */
export interface Quarter {
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
}

const QUARTER = /^(\d{4})-Q([1-4])$/;
const BARE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseQuarter(text: string): Quarter | undefined {
  const match = QUARTER.exec(text);
  return match ? { year: Number(match[1]), quarter: Number(match[2]) as Quarter['quarter'] } : undefined;
}

export const formatQuarter = ({ year, quarter }: Quarter): string => `${String(year).padStart(4, '0')}-Q${quarter}`;

// Intl is deterministic here: no I/O, only the time zone rules bundled with the runtime.
const LONDON = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (`YYYY-MM-DD`) of an instant in Europe/London. */
export function londonDateOf(instant: Date): string {
  const parts = LONDON.formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The quarter of an instant, or of an ISO 8601 string: a bare date is taken as it stands. */
export function quarterOf(at: Date | string): Quarter {
  const date = typeof at === 'string' && BARE_DATE.test(at) ? at : londonDateOf(typeof at === 'string' ? new Date(at) : at);
  const [year, month] = date.split('-').map(Number);
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as Quarter['quarter'] };
}

/** Negative when `a` comes before `b`, 0 when they are the same quarter, positive after. */
export const compareQuarters = (a: Quarter, b: Quarter): number => indexOf(a) - indexOf(b);

/** The quarter `by` quarters later (earlier when negative): the read side walks back with it. */
export function shiftQuarter(from: Quarter, by: number): Quarter {
  const index = indexOf(from) + by;
  return { year: Math.floor(index / 4), quarter: ((index % 4) + 1) as Quarter['quarter'] };
}

const indexOf = ({ year, quarter }: Quarter) => year * 4 + quarter - 1;
