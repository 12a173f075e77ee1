/**
 * The KPIs' arithmetic, written once so every figure rounds the same way (the contract fixes
 * it to the letter: dashboards and outside checks recompute these figures independently).
 */

/** A share from 0 to 1, to 4 decimals; 0 when there is nothing to divide by. */
export const rate = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000);

/** Days to 2 decimals. */
export const roundDays = (days: number): number => Math.round(days * 100) / 100;

/**
 * The 1-based rank of the p-th percentile among n sorted values, by nearest rank:
 * ceil(p/100 × n), so the median of 4 values is the 2nd. Multiplying before dividing keeps
 * p × n whole, so no floating-point residue can push the rank up by one. 0 when there are no values.
 */
export const nearestRank = (percent: number, count: number): number => Math.ceil((percent * count) / 100);
