export type Trend = 'better' | 'worse' | 'same';

/**
 * The latest quarter's value against the previous quarter's: `same` when equal, otherwise
 * better or worse as the indicator's direction says; null when either has no value.
 */
export function trendOf(previous: number | null, latest: number | null, higherIsBetter: boolean): Trend | null {
  if (previous === null || latest === null) return null;
  if (latest === previous) return 'same';
  return latest > previous === higherIsBetter ? 'better' : 'worse';
}
