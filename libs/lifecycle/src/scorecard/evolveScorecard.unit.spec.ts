import { foldScorecard, NO_SCORECARD } from './evolveScorecard';
import type { ScorecardEvent } from './scorecardEvents';

const chosen = (indicators: string[], at: string): ScorecardEvent => ({
  type: 'ScorecardChosen',
  occurredAt: at,
  data: { indicators, chosenAt: at.slice(0, 10), note: null },
});
const figure = (indicator: string, quarter: string, value: number, at: string): ScorecardEvent => ({
  type: 'ScorecardFigureRecorded',
  occurredAt: at,
  data: { indicator, quarter, value, note: null },
});

describe('evolveScorecard: the fold of an area stream', () => {
  it('starts with no choice and no figures', () => {
    expect(foldScorecard([])).toEqual(NO_SCORECARD);
    expect(NO_SCORECARD).toEqual({ version: 0, indicators: null, chosenAt: null, note: null, figures: {}, updatedAt: null });
  });

  it('keeps the latest choice whole, and counts every event in the version', () => {
    const state = foldScorecard([chosen(['a', 'b'], '2026-01-05T10:00:00.000Z'), chosen(['c'], '2026-04-05T10:00:00.000Z')]);
    expect(state).toMatchObject({ version: 2, indicators: ['c'], chosenAt: '2026-04-05', updatedAt: '2026-04-05T10:00:00.000Z' });
  });

  it('keeps figures by indicator and quarter, a later one correcting an earlier', () => {
    const state = foldScorecard([
      figure('potholes-repaired', '2026-Q1', 10, '2026-04-01T09:00:00.000Z'),
      figure('potholes-repaired', '2026-Q2', 14, '2026-07-01T09:00:00.000Z'),
      figure('potholes-repaired', '2026-Q1', 11, '2026-07-02T09:00:00.000Z'),
      figure('grass-cuts-carried-out', '2026-Q2', 3, '2026-07-03T09:00:00.000Z'),
    ]);
    expect(state.version).toBe(4);
    expect(state.indicators).toBeNull();
    expect(state.figures).toEqual({
      'potholes-repaired': {
        '2026-Q1': { value: 11, note: null, recordedAt: '2026-07-02T09:00:00.000Z' },
        '2026-Q2': { value: 14, note: null, recordedAt: '2026-07-01T09:00:00.000Z' },
      },
      'grass-cuts-carried-out': { '2026-Q2': { value: 3, note: null, recordedAt: '2026-07-03T09:00:00.000Z' } },
    });
  });
});
