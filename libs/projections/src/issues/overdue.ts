/** Councils count days in Europe/London. */
const LONDON_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Europe/London (YYYY-MM-DD). */
export const londonDate = (now: Date) => LONDON_DATE.format(now);

/** Statuses in which an issue is still being worked on (waiting for a resident's answer included). */
export const OPEN_STATUSES = ['logged', 'referred', 'boardReview', 'roundtable', 'awaitingResident'] as const;

/**
 * An open issue is overdue once its `dueBy` day is over: `due_by` (a date, or a date-time) sorts
 * before today's date in Europe/London, passed as parameter `$param`. The list's `overdue=true`
 * and the KPIs share this rule.
 */
export function overdueCondition(column = 'due_by', status = 'status', param: number): string {
  return `(${column} IS NOT NULL AND ${column} < $${param} AND ${status} IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')}))`;
}
