import { formatQuarter, type Quarter, quarterOf, shiftQuarter } from '@app/lifecycle';

const DAY_MS = 86_400_000;

/** The quarters a scorecard shows, oldest first, and the one before them that the trend looks back to. */
export interface ScorecardWindow {
  /** The last `count` quarters up to the current one (in Europe/London), oldest first. */
  readonly shown: readonly string[];
  /** The quarter before the oldest shown: with one quarter shown, the trend still has a previous one. */
  readonly before: string;
  /** Every timestamp in these quarters is at or after this instant (ISO 8601, UTC): a pre-filter for SQL. */
  readonly since: string;
}

export function scorecardWindow(now: Date, count: number): ScorecardWindow {
  const current = quarterOf(now);
  const first = shiftQuarter(current, -count);
  const shown = Array.from({ length: count }, (_, i) => formatQuarter(shiftQuarter(current, i - count + 1)));
  return { shown, before: formatQuarter(first), since: sinceOf(first) };
}

/**
 * A quarter starts at midnight in London on its first day, which is never earlier than 23:00
 * UTC the day before; a day's margin keeps the SQL bound simple, and bucketing by quarterOf
 * drops what the margin lets in.
 */
const sinceOf = ({ year, quarter }: Quarter): string => new Date(Date.UTC(year, (quarter - 1) * 3, 1) - DAY_MS).toISOString();
