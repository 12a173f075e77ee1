import { INDICATORS, indicatorById } from './indicators';
import { SCORECARD_SIZE } from './scorecardCommands';

describe('the indicator menu', () => {
  it('offers more indicators than a scorecard holds, each id once', () => {
    expect(INDICATORS.length).toBeGreaterThanOrEqual(Math.max(12, SCORECARD_SIZE.max));
    expect(new Set(INDICATORS.map((indicator) => indicator.id)).size).toBe(INDICATORS.length);
  });

  it('mixes indicators derived from issues with ones the council records', () => {
    const count = (source: string) => INDICATORS.filter((indicator) => indicator.source === source).length;
    expect(count('issues')).toBeGreaterThanOrEqual(6);
    expect(count('recorded')).toBeGreaterThanOrEqual(6);
  });

  it('gives every issue-derived indicator a definition the read side can compute', () => {
    for (const indicator of INDICATORS) {
      if (indicator.source === 'issues') {
        expect(['raised', 'resolved', 'resolvedWithinDays', 'medianDaysToResolve', 'fedBack']).toContain(indicator.measure.kind);
      } else expect(indicator).not.toHaveProperty('measure');
    }
    expect(indicatorById('highways-issues-raised')).toMatchObject({ measure: { kind: 'raised', category: 'highways' } });
    expect(indicatorById('resolved-within-20-days')).toMatchObject({ unit: '%', measure: { kind: 'resolvedWithinDays', days: 20 } });
  });

  it('uses ids safe in URLs and plain units', () => {
    for (const indicator of INDICATORS) {
      expect(indicator.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(['issues', 'days', '%', 'count']).toContain(indicator.unit);
    }
  });

  it('knows no indicator by an id off the menu', () => {
    expect(indicatorById('happiness')).toBeUndefined();
  });
});
