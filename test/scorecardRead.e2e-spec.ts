import type { EventStoreAdapter } from '@app/event-store';
import { ManualClock } from '@app/event-store/testing/manualClock';
import { EVENT_STORE } from '../apps/api/src/store/tokens';
import { eventually } from './support/eventually';
import { admin, command, type IssueBody, raise } from './support/issueRequests';
import { bearer, newStoreLocation, removeStoreLocation, startTestApp, STORES, type StoreLocation, type TestApp } from './support/testApp';

/**
 * 23:30 UTC on 30 June 2026 is 00:30 on 1 July in London: the current quarter is 2026-Q3 there
 * (still Q2 in UTC), so the last four quarters are 2025-Q4 to 2026-Q3.
 */
const NOW = new Date('2026-06-30T23:30:00.000Z');
const QUARTERS = ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];

const CHOSEN = [
  'issues-raised',
  'potholes-repaired',
  'issues-resolved',
  'missed-bin-collections',
  'resolved-within-20-days',
  'grass-cuts-carried-out',
  'median-days-to-resolve',
  'fly-tipping-incidents-cleared',
  'resolved-issues-fed-back',
  'highways-issues-raised',
];

/** Figures recorded per quarter shown (null: none), chosen so that each trend (Q2 -> Q3) comes out once. */
const FIGURES: Record<string, Array<number | null>> = {
  'potholes-repaired': [3, 4, 5, 7], // higher is better: 5 -> 7, better
  'missed-bin-collections': [10, 8, 3, 5], // lower is better: 3 -> 5, worse
  'grass-cuts-carried-out': [6, 6, 4, 4], // 4 -> 4, same (after a correction of Q3 from 9)
  'fly-tipping-incidents-cleared': [1, 2, 3, null], // nothing recorded for Q3: null
};

describe.each(STORES)('GET /areas/:areaId/scorecard, on %s', (kind) => {
  let location: StoreLocation;
  let api: TestApp;
  beforeAll(async () => {
    location = newStoreLocation(kind);
    api = await startTestApp(location, {}, new ManualClock(NOW));
  });
  afterAll(async () => {
    await api.close();
    await removeStoreLocation(location);
  });

  const read = (path: string, auth?: string) => {
    const call = api.http.get(path);
    return auth ? call.set('Authorization', auth) : call;
  };
  const messageOf = (body: { message: string | string[] }) => [body.message].flat().join('\n');

  /** An issue logged and moved on at these instants, by admin (who may record more than 30 days back). */
  async function issue(fields: Record<string, unknown>, loggedAt: string, steps: Array<[string, string]>): Promise<IssueBody> {
    let current = await raise(api.http, { channel: 'phone', ...fields, occurredAt: loggedAt }, admin);
    for (const [name, occurredAt] of steps) {
      const response = await command(api.http, current, name, { occurredAt }, admin);
      if (response.status !== 200) throw new Error(`${name} at ${occurredAt}: ${response.status} ${JSON.stringify(response.body)}`);
      current = response.body as IssueBody;
    }
    return current;
  }

  async function recordFigure(indicator: string, quarter: string, value: number) {
    await api.http.post('/areas/trowbridge/scorecard/figures').set('Authorization', bearer('officer', ['trowbridge'])).send({ indicator, quarter, value }).expect(201);
  }

  describe('an area whose residents chose 10 indicators', () => {
    beforeAll(async () => {
      await api.http
        .put('/areas/trowbridge/scorecard')
        .set('Authorization', bearer('areaManager', ['trowbridge']))
        .send({ indicators: CHOSEN, chosenAt: '2026-04-15', note: 'Chosen at the spring residents meeting' })
        .expect(200);
      await recordFigure('grass-cuts-carried-out', '2026-Q3', 9);
      for (const [indicator, values] of Object.entries(FIGURES)) {
        for (const [i, value] of values.entries()) if (value !== null) await recordFigure(indicator, QUARTERS[i], value);
      }
      await recordFigure('potholes-repaired', '2025-Q3', 100); // before the four quarters shown

      /*
       * Issues of Trowbridge (quarters in Europe/London), days from logged to first resolved:
       *   P highways logged 2025-Q4, resolved 2025-Q4 after 10 days, fed back
       *   Q waste    logged 2026-Q1, resolved 2026-Q1 after 25 days
       *   R highways logged 2026-Q1, resolved 2026-Q1 after 3.5 days, fed back
       *   S highways logged 23:30 UTC 31 March (2026-Q2 in London), resolved 2026-Q2 after 9.5 days, fed back
       *   T waste    logged 2026-Q2, resolved 23:10 UTC 30 June (2026-Q3 in London) after 71 days 14 h 10 min
       *   U highways logged 23:05 UTC 30 June (2026-Q3 in London), open
       *   and one in Calne, which Trowbridge's card never counts.
       */
      await issue({ category: 'highways' }, '2025-11-10T10:00:00.000Z', [
        ['refer', '2025-11-11T10:00:00.000Z'],
        ['resolve', '2025-11-20T10:00:00.000Z'],
        ['feed-back', '2025-11-21T10:00:00.000Z'],
      ]);
      await issue({ category: 'waste' }, '2026-01-05T09:00:00.000Z', [
        ['refer', '2026-01-06T09:00:00.000Z'],
        ['resolve', '2026-01-30T09:00:00.000Z'],
      ]);
      await issue({ category: 'highways' }, '2026-02-01T09:00:00.000Z', [
        ['refer', '2026-02-02T09:00:00.000Z'],
        ['resolve', '2026-02-04T21:00:00.000Z'],
        ['feed-back', '2026-02-05T09:00:00.000Z'],
      ]);
      await issue({ category: 'highways' }, '2026-03-31T23:30:00.000Z', [
        ['refer', '2026-04-01T09:00:00.000Z'],
        ['resolve', '2026-04-10T11:30:00.000Z'],
        ['feed-back', '2026-04-11T09:00:00.000Z'],
      ]);
      await issue({ category: 'waste' }, '2026-04-20T09:00:00.000Z', [
        ['refer', '2026-04-21T09:00:00.000Z'],
        ['resolve', '2026-06-30T23:10:00.000Z'],
      ]);
      await issue({ category: 'highways' }, '2026-06-30T23:05:00.000Z', []);
      await issue({ category: 'highways', areaId: 'calne' }, '2026-05-01T09:00:00.000Z', [
        ['refer', '2026-05-02T09:00:00.000Z'],
        ['resolve', '2026-05-03T09:00:00.000Z'],
      ]);
    });

    const expected = {
      areaId: 'trowbridge',
      chosenAt: '2026-04-15',
      note: 'Chosen at the spring residents meeting',
      quarters: QUARTERS,
    };
    const indicator = (id: string, name: string, unit: string, higherIsBetter: boolean, values: Array<number | null>, trend: string | null) => ({
      id,
      name,
      unit,
      higherIsBetter,
      source: FIGURES[id] ? 'recorded' : 'issues',
      values: values.map((value, i) => ({ quarter: QUARTERS[i], value })),
      trend,
    });

    it('answers anyone, within a second of the last command, each chosen indicator in the order chosen with its values and trend', async () => {
      const store = api.app.get<EventStoreAdapter>(EVENT_STORE);
      // The store's last position is read again each time: the scheduler may append (a missed deadline) meanwhile.
      const { body, lastPosition } = await eventually(async () => {
        const { events } = await store.readAll({ limit: 10_000 });
        const last = Math.max(...events.map((event) => event.globalPosition));
        const response = await read('/areas/trowbridge/scorecard?quarters=4').expect(200);
        expect(response.body.asOfPosition).toBe(last);
        return { body: response.body, lastPosition: last };
      });
      expect(body).toEqual({
        ...expected,
        indicators: [
          indicator('issues-raised', 'Issues raised', 'issues', false, [1, 2, 2, 1], 'better'),
          indicator('potholes-repaired', 'Potholes repaired', 'count', true, FIGURES['potholes-repaired'], 'better'),
          indicator('issues-resolved', 'Issues resolved', 'issues', true, [1, 2, 1, 1], 'same'),
          indicator('missed-bin-collections', 'Missed bin collections', 'count', false, FIGURES['missed-bin-collections'], 'worse'),
          indicator('resolved-within-20-days', 'Issues resolved within 20 days', '%', true, [100, 50, 100, 0], 'worse'),
          indicator('grass-cuts-carried-out', 'Grass cuts carried out', 'count', true, FIGURES['grass-cuts-carried-out'], 'same'),
          indicator('median-days-to-resolve', 'Median days to resolve an issue', 'days', false, [10, 3.5, 9.5, 71.59], 'worse'),
          indicator('fly-tipping-incidents-cleared', 'Fly-tipping incidents cleared', 'count', true, FIGURES['fly-tipping-incidents-cleared'], null),
          indicator('resolved-issues-fed-back', 'Resolved issues fed back to the resident', '%', true, [100, 50, 100, 0], 'worse'),
          indicator('highways-issues-raised', 'Highways issues raised', 'issues', false, [1, 1, 1, 1], 'same'),
        ],
        asOfPosition: lastPosition,
      });
    });

    it('shows the default four quarters, and a viewer or staff sees the same as an anonymous caller', async () => {
      // The figures, not how far the projection has read: the scheduler may append (a missed deadline) between two reads.
      const figures = async (authorization?: string) => {
        const { asOfPosition, ...rest } = (await read('/areas/trowbridge/scorecard', authorization).expect(200)).body;
        expect(asOfPosition).toEqual(expect.any(Number));
        return rest;
      };
      const anonymous = await figures();
      expect(anonymous.quarters).toEqual(QUARTERS);
      expect(await figures(bearer('viewer', ['*']))).toEqual(anonymous);
      expect(await figures(bearer('officer', ['calne']))).toEqual(anonymous);
    });

    it('shows 12 quarters back to 2023-Q4, and one quarter still trending against the one before', async () => {
      const twelve = (await read('/areas/trowbridge/scorecard?quarters=12').expect(200)).body;
      expect(twelve.quarters).toEqual([
        '2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', ...QUARTERS,
      ]);
      const potholes = twelve.indicators.find((item: { id: string }) => item.id === 'potholes-repaired');
      expect(potholes.values.map((value: { value: number | null }) => value.value)).toEqual([null, null, null, null, null, null, null, 100, 3, 4, 5, 7]);
      const raised = twelve.indicators.find((item: { id: string }) => item.id === 'issues-raised');
      expect(raised.values.map((value: { value: number | null }) => value.value)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 2, 1]);

      const one = (await read('/areas/trowbridge/scorecard?quarters=1').expect(200)).body;
      expect(one.quarters).toEqual(['2026-Q3']);
      expect(one.indicators.map((item: { id: string; values: unknown; trend: string | null }) => [item.id, item.values, item.trend])).toEqual([
        ['issues-raised', [{ quarter: '2026-Q3', value: 1 }], 'better'],
        ['potholes-repaired', [{ quarter: '2026-Q3', value: 7 }], 'better'],
        ['issues-resolved', [{ quarter: '2026-Q3', value: 1 }], 'same'],
        ['missed-bin-collections', [{ quarter: '2026-Q3', value: 5 }], 'worse'],
        ['resolved-within-20-days', [{ quarter: '2026-Q3', value: 0 }], 'worse'],
        ['grass-cuts-carried-out', [{ quarter: '2026-Q3', value: 4 }], 'same'],
        ['median-days-to-resolve', [{ quarter: '2026-Q3', value: 71.59 }], 'worse'],
        ['fly-tipping-incidents-cleared', [{ quarter: '2026-Q3', value: null }], null],
        ['resolved-issues-fed-back', [{ quarter: '2026-Q3', value: 0 }], 'worse'],
        ['highways-issues-raised', [{ quarter: '2026-Q3', value: 1 }], 'same'],
      ]);
    });
  });

  it('answers an area with no scorecard chosen yet with chosenAt null and no indicators', async () => {
    const { body } = await read('/areas/devizes/scorecard').expect(200);
    expect(body).toEqual({ areaId: 'devizes', chosenAt: null, note: null, quarters: QUARTERS, indicators: [], asOfPosition: expect.any(Number) });
  });

  it('answers 404 for an area that does not exist', async () => {
    const { body } = await read('/areas/nowhere/scorecard').expect(404);
    expect(body).toMatchObject({ statusCode: 404, message: 'no area with this id' });
    await read('/areas/nowhere/scorecard', admin).expect(404);
  });

  it.each([
    ['0', 'quarters'],
    ['13', 'quarters'],
    ['2.5', 'quarters'],
    ['four', 'quarters'],
    ['', 'quarters'],
    ['-1', 'quarters'],
  ])('refuses quarters=%p with 400 naming it', async (quarters, named) => {
    const { body } = await read(`/areas/trowbridge/scorecard?quarters=${quarters}`).expect(400);
    expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(messageOf(body)).toContain(named);
  });

  it('refuses an unknown query field with 400 naming it, and a bad token with 401', async () => {
    const { body } = await read('/areas/trowbridge/scorecard?from=2026-01-01').expect(400);
    expect(messageOf(body)).toContain('property from should not exist');
    await read('/areas/trowbridge/scorecard', 'Bearer not-a-token').expect(401);
  });

  it('documents the route in the OpenAPI document', async () => {
    const { body } = await api.http.get('/docs-json').expect(200);
    const route = body.paths['/areas/{areaId}/scorecard'].get;
    expect(Object.keys(route.responses)).toEqual(expect.arrayContaining(['200', '400', '404']));
    expect(route.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(expect.arrayContaining(['areaId', 'quarters']));
  });
});
