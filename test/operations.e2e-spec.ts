import type { EventStore } from '@app/event-store';
import type { Role } from '@app/lifecycle';
import type { ReadModelDb } from '@app/projections';
import { EVENT_STORE, READ_MODELS } from '../apps/api/src/store/tokens';
import { eventually } from './support/eventually';
import { admin, advance, manager, raise } from './support/issueRequests';
import { bearer, STORES, type TestApp, useTestApp } from './support/testApp';
import { readWholeStore } from './support/wholeStore';

/** The value of one series of the Prometheus text, by its name and exact label set; undefined if absent. */
function series(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels)
    .map(([key, value]) => `${key}="${value}"`)
    .sort();
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = (match[2] ? match[2].match(/[a-zA-Z_]+="[^"]*"/g)! : []).sort();
    if (JSON.stringify(found) === JSON.stringify(wanted)) return Number(match[3]);
  }
  return undefined;
}

async function projectionNames(api: TestApp): Promise<string[]> {
  const { body } = await api.http.get('/projections').set('Authorization', admin).expect(200);
  return body.map((projection: { name: string }) => projection.name);
}

/** Every event in the store, as the store itself reports them. */
const allEvents = (store: EventStore) => readWholeStore(store, 100_000);

describe.each(STORES)('GET /health and GET /metrics on %s', (kind) => {
  const api = useTestApp(kind);
  const scrape = async (auth = admin) => {
    const response = await api.http.get('/metrics').set('Authorization', auth).expect(200);
    return response.text;
  };

  it("answers 200 to anyone while the store, the read models and every projection are well, with each projection's status and lag", async () => {
    const names = await projectionNames(api);
    expect(names.length).toBeGreaterThan(0);
    await raise(api.http, {}, manager);
    const { body } = await eventually(async () => {
      const response = await api.http.get('/health').expect(200);
      for (const name of names) expect(response.body.details.projections[name]).toMatchObject({ status: 'live', lag: 0 });
      return response;
    }, 5_000);
    expect(body.status).toBe('ok');
    expect(body.error).toEqual({});
    expect(body.info.eventStore.status).toBe('up');
    expect(body.info.readModels.status).toBe('up');
    expect(body.info.projections.status).toBe('up');
    expect(body.details).toEqual(body.info);
    const stored = await allEvents(api.app.get(EVENT_STORE));
    expect(body.details.projections[names[0]].position).toBe(Math.max(...stored.map((event) => event.globalPosition)));
  });

  it('lets viewers, auditors and admins read the metrics, refuses other staff (403) and anonymous callers (401)', async () => {
    for (const role of ['viewer', 'auditor', 'admin'] as Role[]) {
      const response = await api.http.get('/metrics').set('Authorization', bearer(role, ['*'])).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/plain;/);
      expect(response.headers['content-type']).toContain('version=0.0.4');
    }
    for (const role of ['areaManager', 'boardChair', 'officer'] as Role[]) {
      await api.http.get('/metrics').set('Authorization', bearer(role, ['*'])).expect(403);
    }
    await api.http.get('/metrics').expect(401);
    await api.http.get('/metrics').set('Authorization', 'Bearer not.a.token').expect(401);
  });

  it('times requests by method, route pattern and status code, never by raw URL', async () => {
    const issue = await raise(api.http, {}, manager);
    const before = await scrape();
    const count = (route: string, status: string, method = 'GET') =>
      series(before, 'http_request_duration_seconds_count', { method, route, status_code: status }) ?? 0;
    const reads = { ok: count('/issues/:id', '200'), unauthorised: count('/issues/:id', '401'), unmatched: count('unmatched', '404') };

    for (let i = 0; i < 3; i++) await api.http.get(`/issues/${issue.id}`).set('Authorization', admin).expect(200);
    await api.http.get(`/issues/${issue.id}`).expect(401);
    await api.http.get(`/no/such/route/${issue.id}`).expect(404);

    const after = await scrape();
    const now = (route: string, status: string) => series(after, 'http_request_duration_seconds_count', { method: 'GET', route, status_code: status });
    expect(now('/issues/:id', '200')).toBe(reads.ok + 3);
    expect(now('/issues/:id', '401')).toBe(reads.unauthorised + 1);
    expect(now('unmatched', '404')).toBe(reads.unmatched + 1);
    expect(series(after, 'http_request_duration_seconds_bucket', { method: 'GET', route: '/issues/:id', status_code: '200', le: '+Inf' })).toBe(
      reads.ok + 3,
    );
    expect(after).not.toContain(issue.id);
  });

  it('counts the events appended and what each projection has applied, with its lag and position', async () => {
    const store = api.app.get<EventStore>(EVENT_STORE);
    const names = await projectionNames(api);
    const appendedBefore = series(await scrape(), 'events_appended_total')!;
    const eventsBefore = (await allEvents(store)).length;

    const issue = await raise(api.http, {}, manager);
    await advance(api.http, issue, ['refer', 'resolve']);
    await raise(api.http, { areaId: 'calne' }, admin);
    const appendedByTest = 1 + 2 + 1;

    const events = await allEvents(store);
    expect(events.length - eventsBefore).toBe(appendedByTest);
    const head = Math.max(...events.map((event) => event.globalPosition));
    const text = await eventually(async () => {
      const current = await scrape();
      for (const projection of names) {
        expect(series(current, 'projection_lag_events', { projection })).toBe(0);
        expect(series(current, 'projection_position', { projection })).toBe(head);
      }
      return current;
    }, 5_000);
    expect(series(text, 'events_appended_total')).toBe(appendedBefore + appendedByTest);
    for (const projection of names) {
      // One process, no rebuild: each projection has read every event of the store exactly once.
      expect(series(text, 'projection_events_applied_total', { projection })).toBe(events.length);
      expect(series(text, 'subscription_read_errors_total', { projection })).toBe(0);
    }
    // Node's own metrics, on this app's registry.
    expect(series(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(series(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(text).toContain('# TYPE live_feed_clients gauge');
  });
});

describe.each(STORES)('GET /health when a projection has failed, on %s', (kind) => {
  const api = useTestApp(kind);

  it('answers 503, naming the failed projection and its error, while the databases are still up', async () => {
    await eventually(async () => {
      const { body } = await api.http.get('/health').expect(200);
      expect(body.details.projections.issues.status).toBe('live');
    }, 5_000);
    // Break the issues projection for real: its table goes from under the running app.
    const db = api.app.get<ReadModelDb>(READ_MODELS);
    const [active] = await db.all<{ generation: number | string }>("SELECT generation FROM projection_state WHERE name = 'issues' AND active = 1");
    const table = `issues_g${Number(active.generation)}`;
    await db.exec(kind === 'postgres' ? `DROP TABLE ${table} CASCADE` : `DROP VIEW issues; DROP TABLE ${table}`);
    await raise(api.http, {}, manager);

    const { body } = await eventually(async () => {
      const response = await api.http.get('/health').expect(503);
      expect(response.body.error.projections?.issues?.status).toBe('failed');
      return response;
    }, 5_000);
    expect(body.status).toBe('error');
    expect(body.error.projections.issues.error).toMatch(new RegExp(table));
    expect(body.info.eventStore.status).toBe('up');
    expect(body.info.readModels.status).toBe('up');
    expect(body.details.projections.status).toBe('down');
    // The projections that still work are reported, and not as failed.
    const healthy = Object.entries(body.error.projections).filter(([name]) => name !== 'issues' && name !== 'status');
    expect(healthy.length).toBeGreaterThan(0);
    for (const [, info] of healthy) expect((info as { status: string }).status).not.toBe('failed');
  });
});
