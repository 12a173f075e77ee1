import fc from 'fast-check';
import { type MonthSplit, splitByMonth } from './kpiMonths';

const at = (iso: string) => new Date(iso).toISOString();

/** How many of these loggedAt instants the split counts: whole months counted by their first 7 characters, then the rows added or taken off. */
function countedBy(split: MonthSplit, loggedAt: readonly string[]): number {
  const { months, rows } = split;
  const inMonths = months
    ? loggedAt.filter((instant) => (months.from === undefined || instant.slice(0, 7) >= months.from) && (months.to === undefined || instant.slice(0, 7) < months.to)).length
    : 0;
  const inRows = rows.reduce(
    (sum, row) => sum + row.sign * loggedAt.filter((instant) => (row.from === undefined || instant >= row.from) && (row.to === undefined || instant < row.to)).length,
    0,
  );
  return inMonths + inRows;
}

describe('splitting a loggedAt period into whole months and rows', () => {
  it('given month-aligned bounds or none, then whole months only, nothing read row by row', () => {
    expect(splitByMonth({})).toEqual({ months: { from: undefined, to: undefined }, rows: [] });
    expect(splitByMonth({ from: at('2025-02-01'), to: at('2026-01-01') })).toEqual({ months: { from: '2025-02', to: '2026-01' }, rows: [] });
    expect(splitByMonth({ to: at('2026-01-01') })).toEqual({ months: { from: undefined, to: '2026-01' }, rows: [] });
  });

  it('given a bound late in its month, then the rows from it to the month end are added', () => {
    expect(splitByMonth({ from: '2025-01-25T10:30:00.000Z' })).toEqual({
      months: { from: '2025-02', to: undefined },
      rows: [{ from: '2025-01-25T10:30:00.000Z', to: '2025-02-01T00:00:00.000Z', sign: 1 }],
    });
  });

  it('given a bound early in its month, then the whole month is counted and the rows before the bound taken off', () => {
    expect(splitByMonth({ from: '2025-01-03T00:00:00.000Z' })).toEqual({
      months: { from: '2025-01', to: undefined },
      rows: [{ from: '2025-01-01T00:00:00.000Z', to: '2025-01-03T00:00:00.000Z', sign: -1 }],
    });
    expect(splitByMonth({ to: '2025-12-30T00:00:00.000Z' })).toEqual({
      months: { from: undefined, to: '2026-01' },
      rows: [{ from: '2025-12-30T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z', sign: -1 }],
    });
  });

  it('given a short period inside one month, then only its rows; given an empty one, nothing', () => {
    const week = { from: '2025-03-10T00:00:00.000Z', to: '2025-03-17T00:00:00.000Z' };
    expect(splitByMonth(week)).toEqual({ months: null, rows: [{ ...week, sign: 1 }] });
    expect(splitByMonth({ from: week.to, to: week.from })).toEqual({ months: null, rows: [] });
    expect(splitByMonth({ from: week.from, to: week.from })).toEqual({ months: null, rows: [] });
  });

  it('given bounds it cannot read as months, then the whole period row by row', () => {
    expect(splitByMonth({ from: 'yesterday' })).toEqual({ months: null, rows: [{ from: 'yesterday', to: undefined, sign: 1 }] });
    expect(splitByMonth({ from: '9999-12-15T00:00:00.000Z' })).toEqual({ months: null, rows: [{ from: '9999-12-15T00:00:00.000Z', to: undefined, sign: 1 }] });
  });

  it('never reads more than half a month row by row at a bound', () => {
    const instant = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59Z'), noInvalidDate: true }).map((date) => date.toISOString());
    fc.assert(
      fc.property(instant, (bound) => {
        for (const split of [splitByMonth({ from: bound }), splitByMonth({ to: bound })]) {
          for (const row of split.rows) expect(Date.parse(row.to!) - Date.parse(row.from!)).toBeLessThanOrEqual(16 * 86_400_000);
        }
      }),
    );
  });

  it('counts every loggedAt inside [from, to) once and none outside, whatever the bounds', () => {
    const instant = fc.date({ min: new Date('2024-11-01T00:00:00Z'), max: new Date('2025-04-30T23:59:59Z'), noInvalidDate: true }).map((date) => date.toISOString());
    // Bounds on month starts, on other days at midnight, and at any instant.
    const bound = fc.oneof(
      instant,
      instant.map((iso) => `${iso.slice(0, 7)}-01T00:00:00.000Z`),
      instant.map((iso) => `${iso.slice(0, 10)}T00:00:00.000Z`),
    );
    fc.assert(
      fc.property(fc.array(instant, { maxLength: 60 }), fc.option(bound, { nil: undefined }), fc.option(bound, { nil: undefined }), (loggedAt, from, to) => {
        const inside = loggedAt.filter((instant) => (from === undefined || instant >= from) && (to === undefined || instant < to)).length;
        expect(countedBy(splitByMonth({ from, to }), loggedAt)).toBe(inside);
      }),
      { numRuns: 500 },
    );
  });
});
