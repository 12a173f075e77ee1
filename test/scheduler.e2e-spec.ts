import request from 'supertest';
import { type EventStoreAdapter, type GlobalEvent, PostgresEventStore } from '@app/event-store';
import { describeWithPostgres, TEST_DATABASE_URL } from '@app/event-store/testing/postgresTestDatabase';
import { SYSTEM_ACTOR } from '@app/lifecycle';
import { type ApiProcess, startApiProcess } from './support/apiProcess';
import { eventually } from './support/eventually';
import { admin, command, type IssueBody, raise } from './support/issueRequests';
import { type ProjectorProcess, startProjectorProcess } from './support/projectorProcess';
import { envFor, newStoreLocation, removeStoreLocation, STORES, type StoreLocation, useTestApp } from './support/testApp';
import { readWholeStore } from './support/wholeStore';

jest.setTimeout(120_000);

const DAY_MS = 86_400_000;
const INTERVAL_MS = 100;
const SYSTEM_TYPES = new Set(['DeadlineMissed', 'IssueEscalated']);

/** Issues backdated 60 days (all their working-day targets long past), and what each owes. */
interface Planted {
  readonly issue: IssueBody;
  /** `kind/cycle` of each deadline it missed. */
  readonly missed: readonly string[];
}

describeWithPostgres('the deadline scheduler in two projector processes, one killed -9 while it fires', () => {
  let location: StoreLocation;
  let api: ApiProcess | undefined;
  const projectors: ProjectorProcess[] = [];
  let store: EventStoreAdapter | undefined;

  beforeAll(() => {
    location = newStoreLocation('postgres');
  });
  afterAll(async () => {
    await Promise.all([api?.kill('SIGTERM'), ...projectors.map((projector) => projector.kill('SIGTERM'))]);
    await store?.close();
    await removeStoreLocation(location);
  });

  it('records exactly one DeadlineMissed and one IssueEscalated, as the system, per missed deadline, and none for deadlines met', async () => {
    // The API records issues only: no scheduler, no projections (the projectors run both).
    api = await startApiProcess(envFor(location, { LOG_LEVEL: 'error', PROJECTIONS: 'off', SCHEDULER: 'off' }));
    const http = request(api.url);
    const loggedAt = new Date(Date.now() - 60 * DAY_MS).toISOString();
    const backdated = async (steps: string[]) => {
      let issue = await raise(http, { occurredAt: loggedAt }, admin);
      for (const step of steps) {
        const response = await command(http, issue, step, { occurredAt: loggedAt }, admin);
        if (response.status !== 200) throw new Error(`${step} failed: ${response.status} ${JSON.stringify(response.body)}`);
        issue = response.body as IssueBody;
      }
      return issue;
    };
    const planted: Planted[] = [];
    for (let n = 0; n < 30; n++) planted.push({ issue: await backdated([]), missed: ['acknowledge/0', 'resolve/0'] });
    // Acknowledged on the day it was logged: only the resolve deadline passed unmet.
    for (let n = 0; n < 10; n++) planted.push({ issue: await backdated(['refer']), missed: ['resolve/0'] });
    // Every deadline met on the day, and issues logged today: nothing owed.
    for (let n = 0; n < 6; n++) planted.push({ issue: await backdated(['refer', 'resolve', 'feed-back']), missed: [] });
    for (let n = 0; n < 4; n++) planted.push({ issue: await raise(http, {}, admin), missed: [] });
    const expected = planted.flatMap(({ issue, missed }) => missed.map((deadline) => `issue-${issue.id} ${deadline}`)).sort();

    store = await PostgresEventStore.connect({ connectionString: TEST_DATABASE_URL!, schema: location.schema });
    const systemEvents = async () => (await readWholeStore(store!)).filter((event) => SYSTEM_TYPES.has(event.type));
    expect(await systemEvents()).toEqual([]);

    const env = envFor(location, { SCHEDULER: 'on', SCHEDULER_INTERVAL_MS: String(INTERVAL_MS) });
    const [doomed, survivor] = await Promise.all([startProjectorProcess(env), startProjectorProcess(env)]);
    projectors.push(doomed, survivor);
    // kill -9 one as soon as the first deadlines are being recorded.
    await eventually(async () => expect((await systemEvents()).length).toBeGreaterThan(0), 30_000);
    await doomed.kill('SIGKILL');
    const atKill = (await systemEvents()).length / 2;

    await eventually(async () => expect((await systemEvents()).filter((event) => event.type === 'DeadlineMissed').length).toBeGreaterThanOrEqual(expected.length), 60_000);
    // A few more ticks of the survivor: nothing more may come.
    await new Promise((resolve) => setTimeout(resolve, 10 * INTERVAL_MS));
    const everything = await readWholeStore(store);
    const recorded = everything.filter((event) => SYSTEM_TYPES.has(event.type));

    expect(keysOf(recorded, 'DeadlineMissed')).toEqual(expected);
    expect(keysOf(recorded, 'IssueEscalated')).toEqual(expected);
    expect(recorded.every((event) => JSON.stringify(event.metadata.actor) === JSON.stringify(SYSTEM_ACTOR))).toBe(true);
    // Each pair was one append: the escalation right after its DeadlineMissed in the issue's stream.
    for (const missed of recorded.filter((event) => event.type === 'DeadlineMissed')) {
      const escalated = recorded.find((event) => event.streamId === missed.streamId && event.version === missed.version + 1);
      expect(escalated).toMatchObject({ type: 'IssueEscalated', data: { kind: (missed.data as { kind: string }).kind } });
    }
    expect(new Set(everything.map((event) => event.id)).size).toBe(everything.length);
    expect(survivor.child.exitCode).toBeNull();
    // No issue failed in the survivor: every race was settled by the store, not by an error.
    expect(survivor.log.filter((entry) => Number(entry.level) >= 50 && /deadline scheduler/.test(String(entry.msg)))).toEqual([]);
    console.log(`scheduler: ${expected.length} missed deadlines recorded once each by two projectors; ${atKill} pair(s) recorded when one was killed -9`);
  });
});

describe.each(STORES)('the deadline scheduler in the API (PROJECTIONS and SCHEDULER on), on %s', (kind) => {
  const api = useTestApp(kind, { SCHEDULER: 'on', SCHEDULER_INTERVAL_MS: String(INTERVAL_MS) });

  it('records a missed deadline within a few ticks, shown in the history, and reports its last tick in GET /health', async () => {
    // Ten days back under the default targets (acknowledge 2, resolve 20 working days): only the acknowledgement is overdue, whatever the week.
    const issue = await raise(api.http, { category: 'other', occurredAt: new Date(Date.now() - 10 * DAY_MS).toISOString() }, admin);
    const { body } = await eventually(async () => {
      const response = await api.http.get(`/issues/${issue.id}/history`).set('Authorization', admin).expect(200);
      expect(response.body.events.map((event: { type: string }) => event.type)).toEqual(['IssueLogged', 'DeadlineMissed', 'IssueEscalated']);
      return response;
    }, 10_000);
    expect(body.events[1]).toMatchObject({ actor: { id: 'system', role: 'system' }, data: { kind: 'acknowledge', cycle: 0 } });
    const health = await api.http.get('/health').expect(200);
    expect(health.body.info.scheduler).toMatchObject({ status: 'up', running: true, lastError: null });
    expect(Date.parse(health.body.info.scheduler.lastTickAt)).toBeGreaterThan(Date.now() - 60_000);
  });
});

/** `stream kind/cycle` of each event of the type, sorted. */
const keysOf = (events: readonly GlobalEvent[], type: string) =>
  events
    .filter((event) => event.type === type)
    .map((event) => `${event.streamId} ${(event.data as { kind: string }).kind}/${(event.data as { cycle: number }).cycle}`)
    .sort();
