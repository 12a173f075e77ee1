import { nearestRank, rate, roundDays } from './kpiFigures';

describe('KPI arithmetic', () => {
  it('rates are shares to 4 decimals, and 0 when the divisor is 0', () => {
    expect(rate(1, 3)).toBe(0.3333);
    expect(rate(2, 3)).toBe(0.6667);
    expect(rate(5, 5)).toBe(1);
    expect(rate(0, 7)).toBe(0);
    expect(rate(0, 0)).toBe(0);
    expect(rate(3, 0)).toBe(0);
  });

  it('days round to 2 decimals, halves rounding up, as Math.round does', () => {
    expect(roundDays(3.14159)).toBe(3.14);
    expect(roundDays(2.345)).toBe(2.35);
    expect(roundDays(0.125)).toBe(0.13);
    expect(roundDays(1 / 3)).toBe(0.33);
    expect(roundDays(7)).toBe(7);
  });

  it('nearest rank is ceil(p/100 × n): the median of 4 values is the 2nd, of 5 the 3rd', () => {
    expect(nearestRank(50, 4)).toBe(2);
    expect(nearestRank(50, 5)).toBe(3);
    expect(nearestRank(50, 1)).toBe(1);
    expect(nearestRank(90, 10)).toBe(9);
    expect(nearestRank(90, 11)).toBe(10);
    expect(nearestRank(90, 70)).toBe(63);
    expect(nearestRank(90, 1)).toBe(1);
    expect(nearestRank(50, 0)).toBe(0);
  });
});
