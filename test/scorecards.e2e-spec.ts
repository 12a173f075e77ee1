import { randomUUID } from 'node:crypto';
import type { EventStoreAdapter } from '@app/event-store';
import { formatQuarter, INDICATORS, quarterOf, shiftQuarter } from '@app/lifecycle';
import { EVENT_STORE } from '../apps/api/src/store/tokens';
import { admin } from './support/issueRequests';
import { bearer, STORES, useTestApp } from './support/testApp';

const issueDerived = INDICATORS.filter((indicator) => indicator.source === 'issues').map((indicator) => indicator.id);
const recorded = INDICATORS.filter((indicator) => indicator.source === 'recorded').map((indicator) => indicator.id);
const menu = (count: number) => INDICATORS.slice(0, count).map((indicator) => indicator.id);
const currentQuarter = () => formatQuarter(quarterOf(new Date()));
const quarterFromNow = (by: number) => formatQuarter(shiftQuarter(quarterOf(new Date()), by));

const managerOf = (area: string) => bearer('areaManager', [area]);
const officerOf = (area: string) => bearer('officer', [area]);
const choice = (overrides: Record<string, unknown> = {}) => ({ indicators: menu(10), chosenAt: '2026-01-15', ...overrides });
const figure = (overrides: Record<string, unknown> = {}) => ({
  indicator: 'potholes-repaired',
  quarter: quarterFromNow(-1),
  value: 42,
  ...overrides,
});

describe.each(STORES)('area scorecards, the write side, on %s', (kind) => {
  const api = useTestApp(kind);

  const store = () => api.app.get<EventStoreAdapter>(EVENT_STORE);
  const streamOf = (area: string) => store().readStream(`area-${area}`);
  /** `auth` null: anonymous. */
  const choose = (area: string, body: Record<string, unknown>, auth: string | null = managerOf(area)) => {
    const call = api.http.put(`/areas/${area}/scorecard`).send(body);
    return auth ? call.set('Authorization', auth) : call;
  };
  const record = (area: string, body: Record<string, unknown>, auth: string | null = officerOf(area)) => {
    const call = api.http.post(`/areas/${area}/scorecard/figures`).send(body);
    return auth ? call.set('Authorization', auth) : call;
  };
  const messageOf = (body: { message: string | string[] }) => [body.message].flat().join('\n');

  describe('GET /scorecards/indicators', () => {
    it('offers the menu to anyone, at least 12 indicators from issues and from the council', async () => {
      const { body } = await api.http.get('/scorecards/indicators').expect(200);
      expect(body.length).toBeGreaterThanOrEqual(12);
      for (const indicator of body) {
        expect(Object.keys(indicator).sort()).toEqual(['higherIsBetter', 'id', 'name', 'source', 'unit']);
        expect(['issues', 'recorded']).toContain(indicator.source);
        expect(typeof indicator.higherIsBetter).toBe('boolean');
      }
      expect(new Set(body.map((indicator: { id: string }) => indicator.id)).size).toBe(body.length);
      expect(body.filter((indicator: { source: string }) => indicator.source === 'issues').length).toBeGreaterThanOrEqual(6);
      expect(body.filter((indicator: { source: string }) => indicator.source === 'recorded').length).toBeGreaterThanOrEqual(6);
    });
  });

  describe('PUT /areas/:areaId/scorecard', () => {
    it('records the choice of 10, then of 12 with a note, answering each with the area stream version', async () => {
      const first = await choose('amesbury', choice()).expect(200);
      expect(first.body).toEqual({ areaId: 'amesbury', version: 1, indicators: menu(10), chosenAt: '2026-01-15', note: null });

      const twelve = [...menu(16)].reverse().slice(0, 12);
      const body = { indicators: twelve, chosenAt: '2026-04-02T18:30:00+01:00', note: 'Chosen at the spring residents meeting', expectedVersion: 1 };
      const second = await choose('amesbury', body).expect(200);
      expect(second.body).toEqual({ areaId: 'amesbury', version: 2, indicators: twelve, chosenAt: '2026-04-02T17:30:00.000Z', note: body.note });

      const stream = await streamOf('amesbury');
      expect(stream.map((event) => [event.version, event.type])).toEqual([
        [1, 'ScorecardChosen'],
        [2, 'ScorecardChosen'],
      ]);
      expect(stream[1].data).toEqual({ indicators: twelve, chosenAt: '2026-04-02T17:30:00.000Z', note: body.note });
      expect(stream[1].metadata).toEqual({
        actor: { id: 'areaManager-e2e', role: 'areaManager', name: 'E2E areaManager' },
        occurredAt: expect.any(String),
        correlationId: expect.any(String),
        causationId: expect.any(String),
        schemaVersion: 1,
        workflowVersion: expect.any(Number),
      });
    });

    it.each([
      ['9 indicators', { indicators: menu(9) }, 'indicators'],
      ['13 indicators', { indicators: menu(13) }, 'indicators'],
      ['an indicator twice', { indicators: [...menu(10), menu(1)[0]] }, 'indicators must name each indicator once'],
      ['an id off the menu', { indicators: [...menu(10), 'happiness'] }, 'indicators must hold ids from GET /scorecards/indicators'],
      ['no indicators', { indicators: undefined }, 'indicators'],
      ['a chosenAt in the future', { chosenAt: new Date(Date.now() + 86_400_000).toISOString() }, 'chosenAt must not be in the future'],
      ['a chosenAt that is no date', { chosenAt: '2026-02-30' }, 'chosenAt'],
      ['an unknown field', { colour: 'blue' }, 'property colour should not exist'],
      ['an empty note', { note: '' }, 'note'],
      ['a negative expectedVersion', { expectedVersion: -1 }, 'expectedVersion'],
    ])('refuses %s with 400 naming the field, recording nothing', async (_, overrides, named) => {
      const { body } = await choose('bradford-on-avon', choice(overrides)).expect(400);
      expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(messageOf(body)).toContain(named);
      expect(await streamOf('bradford-on-avon')).toEqual([]);
    });
  });

  describe('POST /areas/:areaId/scorecard/figures', () => {
    it('records figures of recorded indicators for past and current quarters, answering 201', async () => {
      const past = await record('calne', figure({ note: 'From the highways contractor' })).expect(201);
      expect(past.body).toEqual({
        areaId: 'calne',
        version: 1,
        indicator: 'potholes-repaired',
        quarter: quarterFromNow(-1),
        value: 42,
        note: 'From the highways contractor',
      });
      const litter = { indicator: 'streets-with-widespread-litter', quarter: currentQuarter(), value: 3.5 };
      const current = await record('calne', { ...litter, expectedVersion: 1 }).expect(201);
      expect(current.body).toEqual({ areaId: 'calne', version: 2, ...litter, note: null });
      await record('calne', figure({ quarter: '2001-Q1', value: 0 }), managerOf('calne')).expect(201);

      const stream = await streamOf('calne');
      expect(stream.map((event) => event.type)).toEqual(Array(3).fill('ScorecardFigureRecorded'));
      expect(stream[1].data).toEqual({ ...litter, note: null });
      expect(stream[0].metadata).toMatchObject({ actor: { id: 'officer-e2e', role: 'officer' }, schemaVersion: 1 });
    });

    it.each(issueDerived)('refuses a figure for %s, which is computed from issues, with 400', async (indicator) => {
      const { body } = await record('chippenham', figure({ indicator })).expect(400);
      expect(messageOf(body)).toContain(`indicator ${indicator} is computed from the area's issues`);
    });

    it.each([
      ['a future quarter', { quarter: quarterFromNow(1) }, `quarter must not be in the future: the current quarter is ${currentQuarter()}`],
      ['a quarter years ahead', { quarter: quarterFromNow(12) }, 'quarter must not be in the future'],
      ['a malformed quarter', { quarter: '2026-Q5' }, 'quarter must be YYYY-Qn'],
      ['an indicator off the menu', { indicator: 'happiness' }, 'indicator must be an id from GET /scorecards/indicators'],
      ['a value that is text', { value: '12' }, 'value'],
      ['no value', { value: undefined }, 'value'],
      ['an unknown field', { unit: 'count' }, 'property unit should not exist'],
    ])('refuses %s with 400 naming the field', async (_, overrides, named) => {
      const { body } = await record('chippenham', figure(overrides)).expect(400);
      expect(messageOf(body)).toContain(named);
    });

    it('takes a figure for every recorded indicator of the menu', async () => {
      for (const indicator of recorded) await record('corsham', figure({ indicator })).expect(201);
      expect(await streamOf('corsham')).toHaveLength(recorded.length);
    });

    afterAll(async () => expect(await streamOf('chippenham')).toEqual([]));
  });

  describe('who may act, and where', () => {
    it('answers anonymous callers 401', async () => {
      await choose('devizes', choice(), null).expect(401);
      await record('devizes', figure(), null).expect(401);
      await choose('nowhere', choice(), null).expect(401);
      expect(await streamOf('devizes')).toEqual([]);
    });

    it.each(['boardChair', 'officer', 'auditor', 'viewer'] as const)('lets no %s choose the indicators: 403', async (role) => {
      await choose('devizes', choice(), bearer(role, ['devizes'])).expect(403);
    });

    it.each(['boardChair', 'auditor', 'viewer'] as const)('lets no %s record figures: 403', async (role) => {
      await record('devizes', figure(), bearer(role, ['devizes'])).expect(403);
    });

    it('keeps staff to the areas they serve: 403 elsewhere', async () => {
      const { body } = await choose('devizes', choice(), managerOf('trowbridge')).expect(403);
      expect(body.message).toContain('you do not serve area devizes');
      await record('devizes', figure(), officerOf('trowbridge')).expect(403);
      expect(await streamOf('devizes')).toEqual([]);
    });

    it('lets staff serving every area, and admin, act anywhere', async () => {
      await choose('devizes', choice(), bearer('areaManager', ['*'])).expect(200);
      await record('devizes', figure(), bearer('officer', ['*'])).expect(201);
      await choose('devizes', choice(), admin).expect(200);
      await record('devizes', figure(), admin).expect(201);
      expect(await streamOf('devizes')).toHaveLength(4);
    });

    it('answers 404 for an area that does not exist', async () => {
      const { body } = await choose('nowhere', choice(), admin).expect(404);
      expect(body).toMatchObject({ statusCode: 404, message: 'no area with this id' });
      await record('nowhere', figure(), admin).expect(404);
      await record('nowhere', figure(), bearer('officer', ['*'])).expect(404);
      expect(await streamOf('nowhere')).toEqual([]);
    });
  });

  describe('versions and concurrency', () => {
    it('refuses a stale expectedVersion with 409 and the current version, appending nothing', async () => {
      await choose('malmesbury', choice()).expect(200);
      await record('malmesbury', figure()).expect(201);
      const stale = await choose('malmesbury', choice({ expectedVersion: 1 })).expect(409);
      expect(stale.body).toMatchObject({ statusCode: 409, error: 'Conflict', currentVersion: 2 });
      const ahead = await record('malmesbury', figure({ expectedVersion: 5 })).expect(409);
      expect(ahead.body.currentVersion).toBe(2);
      await record('malmesbury', figure({ expectedVersion: 2 })).expect(201);
      expect(await streamOf('malmesbury')).toHaveLength(3);
    });

    it('lets 20 concurrent figures without expectedVersion through one at a time: 201 or 409, versions consecutive', async () => {
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) => record('marlborough', figure({ indicator: recorded[i % recorded.length], value: i }))),
      );
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status !== 201 && status !== 409)).toEqual([]);
      const accepted = responses.filter((response) => response.status === 201);
      expect(accepted.length).toBeGreaterThanOrEqual(1);
      responses.filter((response) => response.status === 409).forEach((response) => expect(response.body.currentVersion).toBeGreaterThanOrEqual(1));

      const stream = await streamOf('marlborough');
      expect(stream.map((event) => event.version)).toEqual(Array.from({ length: accepted.length }, (_, i) => i + 1));
      expect(accepted.map((response) => response.body.version).sort((a, b) => a - b)).toEqual(stream.map((event) => event.version));
      expect(stream.map((event) => event.data).sort((a, b) => (a as { value: number }).value - (b as { value: number }).value)).toEqual(
        accepted.map(({ body: { indicator, quarter, value, note } }) => ({ indicator, quarter, value, note })).sort((a, b) => a.value - b.value),
      );
    });
  });

  describe('Idempotency-Key', () => {
    it('answers a retried figure with the first answer and appends nothing', async () => {
      const key = randomUUID();
      const first = await record('melksham', figure()).set('Idempotency-Key', key).expect(201);
      const retry = await record('melksham', figure()).set('Idempotency-Key', key).expect(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      const stream = await streamOf('melksham');
      expect(stream).toHaveLength(1);
      expect(stream[0].metadata).toMatchObject({ idempotencyKey: key });
    });

    it('answers a retried choice with the first answer and appends nothing; another body with the key is 422', async () => {
      const key = randomUUID();
      const first = await choose('pewsey', choice()).set('Idempotency-Key', key).expect(200);
      const retry = await choose('pewsey', choice()).set('Idempotency-Key', key).expect(200);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      await choose('pewsey', choice({ note: 'changed' })).set('Idempotency-Key', key).expect(422);
      expect(await streamOf('pewsey')).toHaveLength(1);
    });

    it('frees the key when the command fails, for a corrected retry', async () => {
      const key = randomUUID();
      await record('royal-wootton-bassett', figure({ quarter: quarterFromNow(1) })).set('Idempotency-Key', key).expect(400);
      await record('royal-wootton-bassett', figure({ expectedVersion: 3 })).set('Idempotency-Key', key).expect(409);
      await record('royal-wootton-bassett', figure()).set('Idempotency-Key', key).expect(201);
      expect(await streamOf('royal-wootton-bassett')).toHaveLength(1);
    });
  });

  it('documents both commands and the menu in the OpenAPI document', async () => {
    const { body } = await api.http.get('/docs-json').expect(200);
    expect(body.paths['/scorecards/indicators'].get).toBeDefined();
    expect(body.paths['/areas/{areaId}/scorecard'].put.responses).toHaveProperty('200');
    expect(body.paths['/areas/{areaId}/scorecard/figures'].post.responses).toHaveProperty('201');
  });
});
