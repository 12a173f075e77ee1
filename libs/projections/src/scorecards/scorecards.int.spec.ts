import { fixedServiceLevels } from '@app/service-levels/testing/fixedServiceLevels';
import type { CommandName, LogIssueData, ScorecardEvent } from '@app/lifecycle';
import { areaStreamIdOf, toNewAreaEvent } from '@app/streams';
import { issuesProjection } from '../issues/issuesProjection';
import { history } from '../testing/issueHistory';
import { HARNESS_STORES, newIssueId, ProjectionHarness } from '../testing/projectionHarness';
import { areaScorecard } from './areaScorecard';
import { scorecardsProjection } from './scorecardsProjection';

const provenance = { actor: { id: 'spec', role: 'admin' as const }, correlationId: 'spec', causationId: 'spec' };
/** 12:00 UTC on 23 November 2026: the current quarter is 2026-Q4, in London as in UTC. */
const NOW = new Date('2026-11-23T12:00:00.000Z');
const RECORDED_AT = '2026-11-20T10:00:00.000Z';

const chosen = (indicators: string[], chosenAt = '2026-10-01', note: string | null = null): ScorecardEvent => ({
  type: 'ScorecardChosen',
  occurredAt: RECORDED_AT,
  data: { indicators, chosenAt, note },
});
const figure = (indicator: string, quarter: string, value: number, note: string | null = null): ScorecardEvent => ({
  type: 'ScorecardFigureRecorded',
  occurredAt: RECORDED_AT,
  data: { indicator, quarter, value, note },
});

const ISSUE_DERIVED = [
  'issues-raised',
  'issues-resolved',
  'resolved-within-20-days',
  'median-days-to-resolve',
  'resolved-issues-fed-back',
  'highways-issues-raised',
  'waste-issues-raised',
  'community-safety-issues-raised',
];
const RECORDED = [
  'potholes-repaired',
  'missed-bin-collections',
  'grass-cuts-carried-out',
  'fly-tipping-incidents-cleared',
  'streets-with-widespread-litter',
  'graffiti-removed-within-5-days',
];

describe.each(HARNESS_STORES)('scorecards projection and the area scorecard, on %s', (kind) => {
  let harness: ProjectionHarness;
  beforeEach(async () => (harness = await ProjectionHarness.open([scorecardsProjection, issuesProjection({ serviceLevels: fixedServiceLevels() })], kind)));
  afterEach(() => harness.close());

  /** Given these events in an area's stream, after what it holds. */
  const givenArea = async (areaId: string, events: ScorecardEvent[]) => {
    const stream = areaStreamIdOf(areaId);
    const version = (await harness.store.readStream(stream)).length;
    await harness.store.append(stream, events.map((event) => toNewAreaEvent(event, provenance)), version);
  };
  const givenIssue = (steps: Array<readonly [CommandName, string]>, logged: Partial<LogIssueData> = {}) => harness.given(newIssueId(), history(steps, logged));
  const choiceRows = () => harness.rows('SELECT * FROM scorecard_choices ORDER BY area_id');
  const figureRows = async (areaId: string) =>
    (await harness.rows<{ indicator: string; quarter: string; value: unknown; note: string | null }>(
      'SELECT indicator, quarter, value, note FROM scorecard_figures WHERE area_id = $1 ORDER BY indicator, quarter',
      [areaId],
    )).map((row) => ({ ...row, value: Number(row.value) }));
  const scorecard = (areaId: string, quarters = 4, now = NOW) => areaScorecard(harness.db, areaId, now, quarters);
  const valuesOf = async (areaId: string, quarters = 4) =>
    Object.fromEntries((await scorecard(areaId, quarters)).indicators.map((indicator) => [indicator.id, indicator.values.map((v) => v.value)]));
  const trendsOf = async (areaId: string) =>
    Object.fromEntries((await scorecard(areaId)).indicators.map((indicator) => [indicator.id, indicator.trend]));

  describe('choices', () => {
    it('given a choice, then one row per area with the ids in the order chosen, and the scorecard lists them with the menu details', async () => {
      const ids = [...RECORDED.slice(0, 4), ...ISSUE_DERIVED.slice(0, 6)];
      await givenArea('trowbridge', [chosen(ids, '2026-10-01', 'Chosen at the autumn residents meeting')]);
      await harness.settle();
      expect(await choiceRows()).toEqual([
        { area_id: 'trowbridge', indicators: JSON.stringify(ids), chosen_at: '2026-10-01', note: 'Chosen at the autumn residents meeting', version: 1 },
      ]);
      const card = await scorecard('trowbridge');
      expect(card).toMatchObject({ areaId: 'trowbridge', chosenAt: '2026-10-01', note: 'Chosen at the autumn residents meeting' });
      expect(card.indicators.map((indicator) => indicator.id)).toEqual(ids);
      expect(card.indicators[0]).toMatchObject({ id: 'potholes-repaired', name: 'Potholes repaired', unit: 'count', higherIsBetter: true, source: 'recorded' });
      expect(card.indicators[5]).toMatchObject({ id: 'issues-resolved', name: 'Issues resolved', unit: 'issues', higherIsBetter: true, source: 'issues' });
    });

    it('given a second choice, then it replaces the first whole, with the stream version it came at', async () => {
      const second = [...ISSUE_DERIVED, ...RECORDED.slice(0, 3)];
      await givenArea('trowbridge', [chosen([...RECORDED, ...ISSUE_DERIVED.slice(0, 4)], '2026-01-10', 'first')]);
      await givenArea('trowbridge', [figure('potholes-repaired', '2026-Q3', 4), chosen(second, '2026-11-02T18:30:00.000Z')]);
      await givenArea('calne', [chosen(ISSUE_DERIVED.concat(RECORDED.slice(0, 2)), '2026-02-01')]);
      await harness.settle();
      expect(await choiceRows()).toEqual([
        expect.objectContaining({ area_id: 'calne', chosen_at: '2026-02-01', version: 1 }),
        { area_id: 'trowbridge', indicators: JSON.stringify(second), chosen_at: '2026-11-02T18:30:00.000Z', note: null, version: 3 },
      ]);
      const card = await scorecard('trowbridge');
      expect(card.indicators.map((indicator) => indicator.id)).toEqual(second);
      expect(card).toMatchObject({ chosenAt: '2026-11-02T18:30:00.000Z', note: null });
    });

    it('given no choice for an area, then its scorecard names the quarters and holds no indicators', async () => {
      await givenArea('calne', [chosen(ISSUE_DERIVED.concat(RECORDED.slice(0, 2)))]);
      await harness.settle();
      expect(await scorecard('trowbridge')).toEqual({
        areaId: 'trowbridge',
        chosenAt: null,
        note: null,
        quarters: ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'],
        indicators: [],
      });
    });
  });

  describe('the quarters shown', () => {
    it('are the last N up to the current one, oldest first, across years', async () => {
      await harness.settle();
      expect((await scorecard('trowbridge', 1)).quarters).toEqual(['2026-Q4']);
      expect((await scorecard('trowbridge', 6)).quarters).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
      expect((await scorecard('trowbridge', 12)).quarters[0]).toBe('2024-Q1');
    });

    it('take the current quarter in Europe/London: 23:30 UTC on 30 June is already July there', async () => {
      await harness.settle();
      expect((await scorecard('trowbridge', 2, new Date('2026-06-30T23:30:00.000Z'))).quarters).toEqual(['2026-Q2', '2026-Q3']);
      expect((await scorecard('trowbridge', 2, new Date('2026-12-31T23:30:00.000Z'))).quarters).toEqual(['2026-Q3', '2026-Q4']);
    });
  });

  describe('recorded figures', () => {
    it('given figures and corrections, then the latest figure per indicator and quarter, within a page and across pages', async () => {
      await givenArea('trowbridge', [
        chosen([...RECORDED, ...ISSUE_DERIVED.slice(0, 4)]),
        figure('potholes-repaired', '2026-Q3', 5),
        figure('potholes-repaired', '2026-Q3', 6, 'corrected: the contractor missed one'),
        figure('streets-with-widespread-litter', '2026-Q3', 12.5),
        figure('streets-with-widespread-litter', '2026-Q4', 10),
      ]);
      await givenArea('calne', [figure('streets-with-widespread-litter', '2026-Q3', 99)]);
      await harness.settle();
      await givenArea('trowbridge', [figure('streets-with-widespread-litter', '2026-Q3', 10, 'recounted')]);
      await harness.settle();

      expect(await figureRows('trowbridge')).toEqual([
        { indicator: 'potholes-repaired', quarter: '2026-Q3', value: 6, note: 'corrected: the contractor missed one' },
        { indicator: 'streets-with-widespread-litter', quarter: '2026-Q3', value: 10, note: 'recounted' },
        { indicator: 'streets-with-widespread-litter', quarter: '2026-Q4', value: 10, note: null },
      ]);
      const values = await valuesOf('trowbridge');
      expect(values['potholes-repaired']).toEqual([null, null, 6, null]);
      expect(values['streets-with-widespread-litter']).toEqual([null, null, 10, 10]);
      expect(values['grass-cuts-carried-out']).toEqual([null, null, null, null]);
    });

    it('shows only the quarters asked for, each with its own figure', async () => {
      await givenArea('trowbridge', [
        chosen([...RECORDED, ...ISSUE_DERIVED.slice(0, 4)]),
        figure('grass-cuts-carried-out', '2025-Q1', 1),
        figure('grass-cuts-carried-out', '2025-Q4', 2),
        figure('grass-cuts-carried-out', '2026-Q1', 3),
        figure('grass-cuts-carried-out', '2026-Q4', 4.25),
      ]);
      await harness.settle();
      const card = await scorecard('trowbridge', 4);
      expect(card.indicators.find((indicator) => indicator.id === 'grass-cuts-carried-out')?.values).toEqual([
        { quarter: '2026-Q1', value: 3 },
        { quarter: '2026-Q2', value: null },
        { quarter: '2026-Q3', value: null },
        { quarter: '2026-Q4', value: 4.25 },
      ]);
      expect((await valuesOf('trowbridge', 8))['grass-cuts-carried-out']).toEqual([1, null, null, 2, 3, null, null, 4.25]);
    });

    it('trends: better and worse by the direction of the indicator, same when equal, null when a quarter has no figure', async () => {
      await givenArea('trowbridge', [
        chosen([...RECORDED, ...ISSUE_DERIVED.slice(0, 4)]),
        figure('potholes-repaired', '2026-Q3', 5), // higher is better: 5 -> 7
        figure('potholes-repaired', '2026-Q4', 7),
        figure('missed-bin-collections', '2026-Q3', 3), // lower is better: 3 -> 5
        figure('missed-bin-collections', '2026-Q4', 5),
        figure('grass-cuts-carried-out', '2026-Q3', 4),
        figure('grass-cuts-carried-out', '2026-Q4', 4),
        figure('fly-tipping-incidents-cleared', '2026-Q4', 2), // nothing in Q3
        figure('streets-with-widespread-litter', '2026-Q3', 12.5), // lower is better; a correction makes it equal
        figure('streets-with-widespread-litter', '2026-Q4', 10),
        figure('streets-with-widespread-litter', '2026-Q3', 10),
        figure('graffiti-removed-within-5-days', '2026-Q3', 80), // higher is better: 80 -> 60
        figure('graffiti-removed-within-5-days', '2026-Q4', 60),
      ]);
      await harness.settle();
      expect(await trendsOf('trowbridge')).toMatchObject({
        'potholes-repaired': 'better',
        'missed-bin-collections': 'worse',
        'grass-cuts-carried-out': 'same',
        'fly-tipping-incidents-cleared': null,
        'streets-with-widespread-litter': 'same',
        'graffiti-removed-within-5-days': 'worse',
      });
    });

    it('trends over one quarter shown still compare with the quarter before it', async () => {
      await givenArea('trowbridge', [chosen([...RECORDED, ...ISSUE_DERIVED.slice(0, 4)]), figure('potholes-repaired', '2026-Q3', 9), figure('potholes-repaired', '2026-Q4', 8)]);
      await harness.settle();
      const [potholes] = (await scorecard('trowbridge', 1)).indicators;
      expect(potholes).toMatchObject({ id: 'potholes-repaired', values: [{ quarter: '2026-Q4', value: 8 }], trend: 'worse' });
    });
  });

  describe('indicators computed from issues', () => {
    /**
     * Trowbridge's issues, with the quarter (Europe/London) each is logged and first resolved in,
     * and its days from logged to first resolved:
     *   A highways   logged 2025-Q4, resolved 2026-Q1 after 31 days, not fed back
     *   B waste      logged 2026-Q1, resolved 2026-Q1 after 10.5 days, fed back
     *   C highways   logged 23:30 UTC 31 March = 2026-Q2 in London, resolved 2026-Q2 after 21 days, fed back
     *   D highways   logged 2026-Q2, resolved 2026-Q2 after exactly 20 days, fed back; reopened, resolved again in Q3
     *   E waste      logged 2026-Q2, withdrawn
     *   F comm.-saf. logged 2026-Q2, resolved 23:30 UTC 30 June = 2026-Q3 in London, after 29.604166… days, not fed back
     *   G highways   logged 2026-Q3, resolved 2026-Q3 after 2 days, fed back
     *   H highways   logged 2026-Q3, resolved 2026-Q3 after 35 days, fed back
     *   I waste      logged 2026-Q4, open
     * and one in Calne (highways, logged and resolved in 2026-Q4), which Trowbridge's card never counts.
     */
    beforeEach(async () => {
      const highways = { category: 'highways' };
      await givenIssue([['log', '2025-12-20T10:00:00.000Z'], ['refer', '2025-12-21T10:00:00.000Z'], ['resolve', '2026-01-20T10:00:00.000Z']], highways);
      await givenIssue(
        [['log', '2026-02-01T00:00:00.000Z'], ['refer', '2026-02-02T00:00:00.000Z'], ['resolve', '2026-02-11T12:00:00.000Z'], ['feed-back', '2026-02-12T00:00:00.000Z']],
        { category: 'waste' },
      );
      await givenIssue(
        [['log', '2026-03-31T23:30:00.000Z'], ['refer', '2026-04-01T08:00:00.000Z'], ['resolve', '2026-04-21T23:30:00.000Z'], ['feed-back', '2026-04-22T08:00:00.000Z']],
        highways,
      );
      await givenIssue(
        [
          ['log', '2026-04-10T09:00:00.000Z'],
          ['refer', '2026-04-11T09:00:00.000Z'],
          ['resolve', '2026-04-30T09:00:00.000Z'],
          ['feed-back', '2026-05-01T09:00:00.000Z'],
          ['reopen', '2026-05-10T09:00:00.000Z'],
          ['refer', '2026-05-11T09:00:00.000Z'],
          ['resolve', '2026-08-01T09:00:00.000Z'],
        ],
        highways,
      );
      await givenIssue([['log', '2026-05-05T09:00:00.000Z'], ['withdraw', '2026-05-06T09:00:00.000Z']], { category: 'waste' });
      await givenIssue([['log', '2026-06-01T09:00:00.000Z'], ['refer', '2026-06-02T09:00:00.000Z'], ['resolve', '2026-06-30T23:30:00.000Z']], {
        category: 'community-safety',
      });
      await givenIssue(
        [['log', '2026-07-15T09:00:00.000Z'], ['refer', '2026-07-16T09:00:00.000Z'], ['resolve', '2026-07-17T09:00:00.000Z'], ['feed-back', '2026-07-18T09:00:00.000Z']],
        highways,
      );
      await givenIssue(
        [['log', '2026-08-01T09:00:00.000Z'], ['refer', '2026-08-02T09:00:00.000Z'], ['resolve', '2026-09-05T09:00:00.000Z'], ['feed-back', '2026-09-06T09:00:00.000Z']],
        highways,
      );
      await givenIssue([['log', '2026-10-05T09:00:00.000Z']], { category: 'waste' });
      await givenIssue([['log', '2026-10-06T09:00:00.000Z'], ['refer', '2026-10-07T09:00:00.000Z'], ['resolve', '2026-10-08T09:00:00.000Z']], {
        ...highways,
        areaId: 'calne',
      });
      await givenArea('trowbridge', [chosen([...ISSUE_DERIVED, 'potholes-repaired', 'grass-cuts-carried-out'])]);
      await harness.settle();
    });

    it('counts, shares (0–100, 2 decimals) and the nearest-rank median per quarter of logging or of first resolution', async () => {
      expect(await valuesOf('trowbridge')).toEqual({
        //                                 2026-Q1 Q2    Q3     Q4
        'issues-raised': [1, 4, 2, 1],
        'issues-resolved': [2, 2, 3, 0],
        'resolved-within-20-days': [50, 50, 33.33, null],
        'median-days-to-resolve': [10.5, 20, 29.6, null],
        'resolved-issues-fed-back': [50, 100, 66.67, null],
        'highways-issues-raised': [0, 2, 2, 0],
        'waste-issues-raised': [1, 1, 0, 1],
        'community-safety-issues-raised': [0, 1, 0, 0],
        'potholes-repaired': [null, null, null, null],
        'grass-cuts-carried-out': [null, null, null, null],
      });
    });

    it('looks back as far as asked: the quarter before, with the issue logged then', async () => {
      const values = await valuesOf('trowbridge', 5);
      expect(values['issues-raised']).toEqual([1, 1, 4, 2, 1]);
      expect(values['highways-issues-raised']).toEqual([1, 0, 2, 2, 0]);
      expect(values['issues-resolved']).toEqual([0, 2, 2, 3, 0]);
      expect(values['median-days-to-resolve']).toEqual([null, 10.5, 20, 29.6, null]);
    });

    it('trends of issue indicators: fewer raised is better, fewer resolved worse, no change same, nothing to measure null', async () => {
      expect(await trendsOf('trowbridge')).toEqual({
        'issues-raised': 'better', // 2 -> 1
        'issues-resolved': 'worse', // 3 -> 0
        'resolved-within-20-days': null, // 33.33 -> nothing resolved
        'median-days-to-resolve': null,
        'resolved-issues-fed-back': null,
        'highways-issues-raised': 'better', // 2 -> 0
        'waste-issues-raised': 'worse', // 0 -> 1
        'community-safety-issues-raised': 'same', // 0 -> 0
        'potholes-repaired': null,
        'grass-cuts-carried-out': null,
      });
    });

    it('follows issues resolved after the card was first read', async () => {
      await givenIssue([['log', '2026-11-01T09:00:00.000Z'], ['refer', '2026-11-02T09:00:00.000Z'], ['resolve', '2026-11-04T21:00:00.000Z']], { category: 'waste' });
      await harness.settle();
      const values = await valuesOf('trowbridge');
      expect(values['issues-resolved']).toEqual([2, 2, 3, 1]);
      expect(values['median-days-to-resolve']).toEqual([10.5, 20, 29.6, 3.5]);
      expect(values['resolved-within-20-days']).toEqual([50, 50, 33.33, 100]);
      expect(values['resolved-issues-fed-back']).toEqual([50, 100, 66.67, 0]);
      expect(await trendsOf('trowbridge')).toMatchObject({
        'issues-resolved': 'worse', // 3 -> 1
        'median-days-to-resolve': 'better', // 29.6 -> 3.5 days, lower is better
        'resolved-within-20-days': 'better', // 33.33 -> 100
        'resolved-issues-fed-back': 'worse', // 66.67 -> 0
        'waste-issues-raised': 'worse', // 0 -> 2
      });
    });
  });
});
