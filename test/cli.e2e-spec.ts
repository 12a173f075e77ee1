import type TestAgent from 'supertest/lib/agent';
import type { EventStore } from '@app/event-store';
import { generationsOf, openReadModels, type ReadModelDb } from '@app/projections';
import { EVENT_STORE } from '../apps/api/src/store/tokens';
import { admin } from './support/issueRequests';
import { eventually } from './support/eventually';
import {
  envFor,
  JWT_SECRET,
  newStoreLocation,
  removeStoreLocation,
  startTestApp,
  type StoreLocation,
  STORES,
  type TestApp,
} from './support/testApp';
import { type CliRun, runScript as run } from './support/cliProcess';
import { readWholeStore } from './support/wholeStore';


const cli = (args: string[], env: Record<string, string>) => run('cli', args, env);

interface IssueItem {
  id: string;
  status: string;
  channel: string;
  loggedAt: string;
  dueBy: string | null;
}

async function allIssues(http: TestAgent): Promise<{ total: number; items: IssueItem[] }> {
  const { body } = await http.get('/issues?pageSize=200').set('Authorization', admin).expect(200);
  expect(body.items).toHaveLength(body.total);
  return body;
}

async function withReadModels<T>(location: StoreLocation, work: (db: ReadModelDb) => Promise<T>): Promise<T> {
  const db = await openReadModels(
    location.kind === 'postgres'
      ? { kind: 'postgres', connectionString: process.env.TEST_DATABASE_URL!, schema: location.schema }
      : { kind: 'sqlite', dataDir: location.dataDir },
  );
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

const activeGeneration = (location: StoreLocation) =>
  withReadModels(location, async (db) => (await generationsOf(db, 'issues')).find((row) => row.active)?.generation ?? 0);

describe('the operators’ CLI: usage, exit codes and tokens', () => {
  const location = newStoreLocation('sqlite');
  afterAll(() => removeStoreLocation(location));

  it('prints its usage and exits 2 without a command, with an unknown one, for an unknown projection, and for a migrate that names no source', async () => {
    const env = envFor(location);
    const [none, unknown, verify, migrate, rebuildUnknown] = await Promise.all([
      cli([], env),
      cli(['frobnicate'], env),
      cli(['verify', '--frobnicate'], env),
      cli(['migrate'], env),
      cli(['rebuild', 'no-such-projection'], env),
    ]);
    expect(none.code).toBe(2);
    for (const name of ['rebuild', 'demo', 'token', 'verify', 'replay', 'export', 'import', 'anchor', 'migrate']) expect(none.stderr).toContain(name);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command: frobnicate[\s\S]*usage: npm run cli/);
    expect(verify.code).toBe(2);
    expect(verify.stderr).toMatch(/unknown option --frobnicate[\s\S]*usage: npm run cli -- verify/);
    expect(migrate.code).toBe(2);
    expect(migrate.stderr).toMatch(/--from must be sqlite[\s\S]*usage: npm run cli -- migrate --from sqlite --to postgres\|eventstoredb/);
    expect(rebuildUnknown.code).toBe(2);
    expect(rebuildUnknown.stderr).toMatch(/no projection named no-such-projection.*issues/);
  }, 60_000);

  it('token prints a token signed with JWT_SECRET that the API accepts for the role asked; npm run token still works', async () => {
    const env = envFor(location);
    const [viewer, officer, forged, named, nameless] = await Promise.all([
      cli(['token', 'viewer', 'calne'], env),
      run('token', ['officer', 'trowbridge'], env),
      cli(['token', 'admin'], { ...env, JWT_SECRET: `not-${JWT_SECRET}` }),
      cli(['token', 'areaManager', 'trowbridge', '--name', 'Alex Smith', 'melksham'], env),
      cli(['token', 'areaManager', '--name'], env),
    ]);
    const app = await startTestApp(location);
    try {
      const token = (result: CliRun) => {
        expect(result.code).toBe(0);
        return `Bearer ${result.stdout.trim()}`;
      };
      await app.http.get('/issues').set('Authorization', token(officer)).expect(200);
      // Viewers (dashboards) may not list issues: the token carries the role asked for.
      await app.http.get('/issues').set('Authorization', token(viewer)).expect(403);
      const claims = JSON.parse(Buffer.from(viewer.stdout.trim().split('.')[1], 'base64url').toString());
      expect(claims).toMatchObject({ role: 'viewer', areas: ['calne'] });
      await app.http.get('/issues').set('Authorization', token(forged)).expect(401);
      // --name names the person (GET /me shows it; their events record it); the areas around it still count.
      const me = await app.http.get('/me').set('Authorization', token(named)).expect(200);
      expect(me.body).toMatchObject({ name: 'Alex Smith', role: 'areaManager', areas: ['trowbridge', 'melksham'] });
      expect(nameless.code).toBe(2);
      expect(nameless.stderr).toContain('--name');
    } finally {
      await app.close();
    }
  }, 60_000);
});

describe.each(STORES)('the operators’ CLI on %s: demo and rebuild', (kind) => {
  const location = newStoreLocation(kind);
  const env = envFor(location);
  let app: TestApp | undefined;
  let before: IssueItem[] = [];

  const stopApp = async () => {
    await app?.close();
    app = undefined;
  };
  afterAll(async () => {
    await stopApp();
    await removeStoreLocation(location);
  });

  it('demo fills an empty store through the API with a realistic two months, and the projections catch up', async () => {
    const startedAt = Date.now();
    const demo = await cli(['demo', '--months', '2', '--per-month', '30'], env);
    expect(demo.stderr).not.toMatch(/refused|failed/i);
    expect(demo.code).toBe(0);
    expect(demo.stdout).toMatch(/by status: .*fedBack/);

    app = await startTestApp(location);
    const { items, total } = await allIssues(app.http);
    // 30 a month for 2 months, each month varying by up to 10 %.
    expect(total).toBeGreaterThanOrEqual(54);
    expect(total).toBeLessThanOrEqual(66);
    const ageInDays = (item: IssueItem) => (startedAt - Date.parse(item.loggedAt)) / 86_400_000;
    expect(items.every((item) => ageInDays(item) >= 0 && ageInDays(item) < 62 + 35)).toBe(true);
    // Dated in the past through occurredAt, beyond the 30 days only admin may go back.
    expect(items.some((item) => ageInDays(item) > 35)).toBe(true);

    const count = (status: string) => items.filter((item) => item.status === status).length;
    expect(count('resolved') + count('fedBack')).toBeGreaterThan(total / 2);
    expect(count('withdrawn')).toBeGreaterThan(0);
    expect([...new Set(items.map((item) => item.channel))].sort()).toEqual(['email', 'letter', 'meeting', 'online', 'phone']);
    const today = new Date().toISOString().slice(0, 10);
    const overdue = items.filter((item) => item.dueBy !== null && item.dueBy < today && ['logged', 'referred', 'boardReview', 'roundtable'].includes(item.status));
    expect(overdue.length).toBeGreaterThan(0);
    const { body: overdueList } = await app.http.get('/issues?overdue=true&pageSize=200').set('Authorization', admin).expect(200);
    expect(overdueList.total).toBeGreaterThan(0);

    const store = app.app.get<EventStore>(EVENT_STORE);
    const events = await readWholeStore(store);
    const types = new Set(events.map((event) => event.type));
    for (const type of ['IssueReopened', 'NoteAdded', 'BoardReviewScheduled', 'OfficerAssigned']) expect(types).toContain(type);

    // Every area's residents chose 10 to 12 indicators, and figures were recorded for four quarters.
    const { body: areas } = await app.http.get('/areas').expect(200);
    const choices = events.filter((event) => event.type === 'ScorecardChosen');
    expect(new Set(choices.map((event) => event.streamId)).size).toBe(areas.length);
    for (const choice of choices) {
      const { indicators } = choice.data as { indicators: string[] };
      expect(indicators.length).toBeGreaterThanOrEqual(10);
      expect(indicators.length).toBeLessThanOrEqual(12);
    }
    const figures = events.filter((event) => event.type === 'ScorecardFigureRecorded').map((event) => event.data as { quarter: string });
    expect(new Set(figures.map((figure) => figure.quarter)).size).toBe(4);

    await eventually(async () => {
      const { body } = await app!.http.get('/projections').set('Authorization', admin).expect(200);
      expect(body.length).toBeGreaterThan(0);
      for (const projection of body) expect(projection).toMatchObject({ status: 'live', lag: 0 });
    }, 15_000);
  }, 120_000);

  it('demo refuses a store that already holds issues unless --force, and writes nothing', async () => {
    const { total } = await allIssues(app!.http);
    const again = await cli(['demo', '--months', '1', '--per-month', '5'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds issues.*--force/);
    expect((await allIssues(app!.http)).total).toBe(total);
  }, 60_000);

  it('rebuild with no API running rebuilds in its own process into a new generation that answers the same', async () => {
    before = (await allIssues(app!.http)).items;
    await stopApp();
    const generation = await activeGeneration(location);
    expect(generation).toBeGreaterThan(0);

    const rebuild = await cli(['rebuild', 'issues'], env);
    expect(rebuild.code).toBe(0);
    expect(rebuild.stdout).toMatch(/rebuilding it in this process/);
    expect(rebuild.stdout).toMatch(/issues: rebuilt/);
    expect(await activeGeneration(location)).toBeGreaterThan(generation);

    app = await startTestApp(location);
    expect((await allIssues(app.http)).items).toEqual(before);
  }, 60_000);

  it('rebuild waits for the process whose runner holds the projection to rebuild it', async () => {
    await eventually(async () => {
      const { body } = await app!.http.get('/projections').set('Authorization', admin).expect(200);
      expect(body.find((projection: { name: string }) => projection.name === 'issues')).toMatchObject({ status: 'live', runner: expect.any(String) });
    }, 15_000);
    const generation = await activeGeneration(location);

    const rebuild = await cli(['rebuild', 'issues'], env);
    expect(rebuild.code).toBe(0);
    expect(rebuild.stdout).toMatch(/held by .*: waiting for it to rebuild/);
    expect(rebuild.stdout).not.toMatch(/in this process/);
    expect(await activeGeneration(location)).toBeGreaterThan(generation);
    expect((await allIssues(app!.http)).items).toEqual(before);
  }, 60_000);

  it('rebuild gives up with exit 1 after --timeout when the holder of the projection never rebuilds it', async () => {
    await stopApp();
    const generation = await activeGeneration(location);
    // A runner of another process that holds the lease but does nothing (hung).
    await withReadModels(location, (db) =>
      db.run('UPDATE projection_control SET holder = $2, lease_expires_at = $3 WHERE name = $1', ['issues', 'elsewhere:1:hung', Date.now() + 3_600_000]),
    );
    const rebuild = await cli(['rebuild', 'issues', '--timeout', '2'], env);
    expect(rebuild.code).toBe(1);
    expect(rebuild.stdout).toMatch(/held by elsewhere:1:hung/);
    expect(rebuild.stderr).toMatch(/not finished after 2 s/);
    expect(await activeGeneration(location)).toBe(generation);
  }, 60_000);
});
