import { formatQuarter, quarterOf } from '@app/lifecycle';
import { londonQuarterOf } from './issueMeasures';

const HOUR = 3_600_000;

describe('londonQuarterOf', () => {
  it('agrees with quarterOf (Europe/London) at every quarter of an hour from 2023 to 2027, clock changes and year ends included', () => {
    const disagreements: string[] = [];
    for (let at = Date.parse('2023-01-01T00:00:00Z'); at < Date.parse('2028-01-01T00:00:00Z'); at += HOUR / 4) {
      const iso = new Date(at).toISOString();
      if (londonQuarterOf(iso) !== formatQuarter(quarterOf(iso))) disagreements.push(iso);
    }
    expect(disagreements).toEqual([]);
  });

  it('puts the last hour of 31 March and 30 June (UTC, summer time) in the next quarter, and of 31 December (GMT) in the same', () => {
    expect(londonQuarterOf('2026-03-31T23:30:00.000Z')).toBe('2026-Q2');
    expect(londonQuarterOf('2026-03-31T22:59:59.999Z')).toBe('2026-Q1');
    expect(londonQuarterOf('2026-06-30T23:00:00.000Z')).toBe('2026-Q3');
    expect(londonQuarterOf('2026-09-30T23:59:00.000Z')).toBe('2026-Q4');
    expect(londonQuarterOf('2026-12-31T23:59:00.000Z')).toBe('2026-Q4');
    expect(londonQuarterOf('2027-01-01T00:00:00.000Z')).toBe('2027-Q1');
  });
});
