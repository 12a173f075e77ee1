/** A period of loggedAt, [from, to), either bound open: ISO 8601 instants, compared as loggedAt's text. */
export interface LoggedPeriod {
  readonly from?: string;
  readonly to?: string;
}

/** Issues logged in a period, to count from the rows: added to the months' counts, or taken from them. */
export interface RowPeriod extends LoggedPeriod {
  readonly sign: 1 | -1;
}

/**
 * How to count a period: whole months from the count aggregate (`YYYY-MM`, from inclusive, to
 * exclusive, either open; null for none), corrected by the issues of a few shorter periods
 * counted from the rows.
 */
export interface MonthSplit {
  readonly months: { readonly from?: string; readonly to?: string } | null;
  readonly rows: readonly RowPeriod[];
}

// The KPIs' months are the first 7 characters of loggedAt (UTC, toISOString form).
const MONTH = /^\d{4}-(0[1-9]|1[0-2])/;
const monthOf = (instant: string) => instant.slice(0, 7);
const startOf = (month: string) => `${month}-01T00:00:00.000Z`;
const isMonthStart = (instant: string) => instant === startOf(monthOf(instant));

/** The month after, or null past year 9999 (where months stop sorting as text). */
function nextMonth(month: string): string | null {
  const [year, number] = month.split('-').map(Number);
  const [nextYear, next] = number === 12 ? [year + 1, 1] : [year, number + 1];
  return nextYear > 9999 ? null : `${nextYear}-${String(next).padStart(2, '0')}`;
}

/** Where the aggregate's months may begin or end for one bound, and the rows that then make up the difference. */
interface Cut {
  readonly month: string | undefined;
  readonly rows: readonly RowPeriod[];
}

/**
 * The ways to cut at a bound inside a month: the aggregate stops at the month's edge and the
 * rows between it and the bound are added, or it takes the whole month and the rows on the
 * far side of the bound are taken off.
 */
function cutsAt(bound: string, side: 'from' | 'to'): Cut[] | null {
  const month = monthOf(bound);
  if (isMonthStart(bound)) return [{ month, rows: [] }];
  const next = nextMonth(month);
  if (next === null) return null;
  return side === 'from'
    ? [
        { month: next, rows: [{ from: bound, to: startOf(next), sign: 1 }] },
        { month, rows: [{ from: startOf(month), to: bound, sign: -1 }] },
      ]
    : [
        { month, rows: [{ from: startOf(month), to: bound, sign: 1 }] },
        { month: next, rows: [{ from: bound, to: startOf(next), sign: -1 }] },
      ];
}

/** Roughly how many issues a way reads from the rows: their periods' length, issues being logged at an even pace. */
const rowCost = (rows: readonly RowPeriod[]) => rows.reduce((ms, row) => ms + Date.parse(row.to!) - Date.parse(row.from!), 0);

/**
 * Splits [from, to) into whole months, counted from the aggregate, and at each bound not on a
 * month's start, the part of its month counted from the rows: the part inside the period
 * (added), or the part outside it (taken from the whole month), whichever is shorter, so
 * no more than half a month is read row by row at each bound. Every loggedAt is counted once
 * overall, comparing as text as the row-level filter does; bounds not of that form leave the
 * whole period to the rows.
 */
export function splitByMonth(period: LoggedPeriod): MonthSplit {
  const { from, to } = period;
  const direct: MonthSplit = { months: null, rows: [{ from, to, sign: 1 }] };
  if ((from !== undefined && !MONTH.test(from)) || (to !== undefined && !MONTH.test(to))) return direct;
  if (from !== undefined && to !== undefined && from >= to) return { months: null, rows: [] };
  const starts = from === undefined ? [{ month: undefined, rows: [] }] : cutsAt(from, 'from');
  const ends = to === undefined ? [{ month: undefined, rows: [] }] : cutsAt(to, 'to');
  if (starts === null || ends === null) return direct;
  let best: MonthSplit | undefined;
  let bestCost = from !== undefined && to !== undefined ? rowCost(direct.rows) : Infinity;
  for (const start of starts) {
    for (const end of ends) {
      if (start.month !== undefined && end.month !== undefined && start.month >= end.month) continue;
      const rows = [...start.rows, ...end.rows];
      const cost = rowCost(rows);
      if (cost < bestCost) [best, bestCost] = [{ months: { from: start.month, to: end.month }, rows }, cost];
    }
  }
  return best ?? direct;
}
