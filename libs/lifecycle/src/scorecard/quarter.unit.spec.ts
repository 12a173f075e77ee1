import { compareQuarters, formatQuarter, londonDateOf, parseQuarter, quarterOf, shiftQuarter } from './quarter';

describe('quarters', () => {
  it('parses YYYY-Qn and writes it back the same', () => {
    expect(parseQuarter('2026-Q3')).toEqual({ year: 2026, quarter: 3 });
    expect(formatQuarter({ year: 2026, quarter: 3 })).toBe('2026-Q3');
  });

  it.each(['2026-Q0', '2026-Q5', '2026Q1', '26-Q1', '2026-q1', ' 2026-Q1', '2026-Q1 ', ''])('refuses %p', (text) => {
    expect(parseQuarter(text)).toBeUndefined();
  });

  it('counts an instant in the quarter of its date in Europe/London', () => {
    expect(quarterOf(new Date('2026-03-31T22:59:59Z'))).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf(new Date('2026-03-31T23:30:00Z'))).toEqual({ year: 2026, quarter: 2 }); // 00:30 BST on 1 April
    expect(quarterOf('2026-12-31T23:30:00Z')).toEqual({ year: 2026, quarter: 4 }); // GMT: still 31 December
    expect(quarterOf('2027-01-01T00:00:00Z')).toEqual({ year: 2027, quarter: 1 });
  });

  it('takes a bare date as it stands', () => {
    expect(quarterOf('2026-07-01')).toEqual({ year: 2026, quarter: 3 });
    expect(quarterOf('2026-09-30')).toEqual({ year: 2026, quarter: 3 });
  });

  it('gives the calendar date in London', () => {
    expect(londonDateOf(new Date('2026-06-30T23:15:00Z'))).toBe('2026-07-01');
    expect(londonDateOf(new Date('2026-11-23T23:15:00Z'))).toBe('2026-11-23');
  });

  it('orders quarters across years, and walks forward and back', () => {
    expect(compareQuarters({ year: 2026, quarter: 4 }, { year: 2027, quarter: 1 })).toBeLessThan(0);
    expect(compareQuarters({ year: 2026, quarter: 2 }, { year: 2026, quarter: 2 })).toBe(0);
    expect(compareQuarters({ year: 2027, quarter: 1 }, { year: 2026, quarter: 4 })).toBeGreaterThan(0);
    expect(shiftQuarter({ year: 2026, quarter: 1 }, -1)).toEqual({ year: 2025, quarter: 4 });
    expect(shiftQuarter({ year: 2026, quarter: 4 }, 1)).toEqual({ year: 2027, quarter: 1 });
    expect(shiftQuarter({ year: 2026, quarter: 2 }, -9)).toEqual({ year: 2024, quarter: 1 });
  });
});
