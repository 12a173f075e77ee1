import request from 'supertest';
import { type EventStoreAdapter, PostgresEventStore } from '@app/event-store';
import { describeWithPostgres, dropSchema, scratchSchemaName, TEST_DATABASE_URL } from '@app/event-store/testing/postgresTestDatabase';
import { PostgresReadModelDb, PROJECTION_NAMES, type ProjectionInfo, type ReadModelDb } from '@app/projections';
import { type ApiProcess, startApiProcess } from './support/apiProcess';
import { eventually } from './support/eventually';
import { admin, advance, type IssueBody, manager, raise } from './support/issueRequests';
import { type ProjectorProcess, startProjectorProcess } from './support/projectorProcess';
import { bundledServiceLevels, compareWithRebuildFromZero, issueVersionsIn, issueVersionsInStore } from './support/readModelComparison';
import { bearer, envFor, newStoreLocation, removeStoreLocation, type StoreLocation } from './support/testApp';

jest.setTimeout(120_000);

const LEASE_MS = 1_500;
const viewer = bearer('viewer', ['*']);
/** What each writer does to every issue it raises: long and short paths, reopened, withdrawn. */
const PATHS = [
  ['refer', 'resolve', 'feed-back'],
  ['board-review', 'assign', 'roundtable', 'resolve'],
  ['notes', 'withdraw'],
  ['refer', 'notes', 'resolve', 'feed-back', 'reopen'],
];

/**
 * Raises and advances issues through the API until stopped, remembering the version each
 * issue's last acknowledged command answered with: what the store must hold afterwards.
 */
class Writers {
  readonly acknowledged = new Map<string, IssueBody>();
  failure: unknown;
  private stopped = false;
  private readonly running: Promise<void>[];

  constructor(api: ApiProcess, count: number) {
    const http = request(api.url);
    this.running = Array.from({ length: count }, async (_, writer) => {
      for (let n = 0; !this.stopped; n++) {
        try {
          const issue = await raise(http, { channel: 'phone', title: `Writer ${writer} issue ${n}` }, manager);
          this.acknowledged.set(issue.id, issue);
          for (const step of PATHS[(writer + n) % PATHS.length]) {
            if (this.stopped) break;
            this.acknowledged.set(issue.id, await advance(http, this.acknowledged.get(issue.id)!, [step]));
          }
        } catch (error) {
          this.failure ??= error;
          return;
        }
      }
    });
  }

  get commands(): number {
    return [...this.acknowledged.values()].reduce((sum, issue) => sum + issue.version, 0);
  }

  /** Waits until `count` more commands have been acknowledged (failing at once if a writer failed). */
  async more(count: number): Promise<void> {
    const target = this.commands + count;
    await eventually(async () => {
      if (this.failure) throw new Error(`a writer failed: ${String(this.failure)}`);
      expect(this.commands).toBeGreaterThanOrEqual(target);
    }, 20_000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.running);
  }
}

describeWithPostgres('projector processes beside an API with PROJECTIONS=off', () => {
  let location: StoreLocation;
  let referenceSchema: string;
  let api: ApiProcess | undefined;
  const projectors: ProjectorProcess[] = [];
  const opened: Array<ReadModelDb | EventStoreAdapter> = [];

  beforeAll(() => {
    location = newStoreLocation('postgres');
    referenceSchema = scratchSchemaName('rebuilt');
  });
  afterAll(async () => {
    // A stopped process acts on SIGTERM only once continued.
    projectors.forEach((projector) => projector.child.kill('SIGCONT'));
    await Promise.all([api?.kill('SIGTERM'), ...projectors.map((projector) => projector.kill('SIGTERM'))]);
    await Promise.all(opened.map((closable) => closable.close()));
    await removeStoreLocation(location);
    await dropSchema(referenceSchema);
  });

  const projections = async (): Promise<ProjectionInfo[]> => {
    const response = await fetch(`${api!.url}/projections`, { headers: { Authorization: viewer } });
    expect(response.status).toBe(200);
    return (await response.json()) as ProjectionInfo[];
  };
  const runners = async () => new Set((await projections()).map((info) => info.runner));
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('runs each projection in one process, fails over on kill -9 and on a stall from the checkpoint, and applies every event exactly once', async () => {
    api = await startApiProcess(envFor(location, { LOG_LEVEL: 'error', PROJECTIONS: 'off' }));
    const env = envFor(location, { PROJECTION_LEASE_MS: String(LEASE_MS) });
    const first = await startProjectorProcess(env);
    projectors.push(first);
    // The first projector takes every lease before the second starts, so one process holds them all.
    await eventually(async () => expect((await projections()).map((info) => [info.runner, info.status])).toEqual(PROJECTION_NAMES.map(() => [first.holder, 'live'])), 15_000);
    const second = await startProjectorProcess(env);
    projectors.push(second);

    const writers = new Writers(api, 4);
    try {
      // While both run, each projection has exactly one runner: the first; the second stands by.
      const runnersSeen = new Set<string | null>();
      while (writers.commands < 150 && !writers.failure) {
        for (const info of await projections()) runnersSeen.add(info.runner);
        await sleep(50);
      }
      expect(runnersSeen).toEqual(new Set([first.holder]));

      // The API answers GET /issues from the projector's tables, within a second or so of a command.
      const recent = [...writers.acknowledged.values()].at(-1)!;
      await eventually(async () => {
        const { body } = await request(api!.url).get(`/issues?q=${recent.reference}`).set('Authorization', admin).expect(200);
        expect(body.items[0]).toMatchObject({ id: recent.id });
        expect(body.items[0].version).toBeGreaterThanOrEqual(recent.version);
      }, 3_000);

      // kill -9 the holder mid-stream: the standby takes every lease once they expire.
      await first.kill('SIGKILL');
      const killedAt = Date.now();
      await eventually(async () => expect(await runners()).toEqual(new Set([second.holder])), LEASE_MS + 10_000);
      const takeoverMs = Date.now() - killedAt;
      await writers.more(60); // writes go on through the failover and after it

      // A holder that stalls (SIGSTOP: a long pause, a frozen VM) past its lease loses it to a
      // third process; when it wakes it believes it still leads until its next renewal, and any
      // page it was applying is fenced by the checkpoint, so nothing is applied twice.
      const third = await startProjectorProcess(env);
      projectors.push(third);
      second.child.kill('SIGSTOP');
      await eventually(async () => expect(await runners()).toEqual(new Set([third.holder])), LEASE_MS + 10_000);
      second.child.kill('SIGCONT');
      await writers.more(60);
      expect(await runners()).toEqual(new Set([third.holder]));
      const fenced = second.log.filter((entry) => /advanced by another runner/.test(String(entry.msg))).length;

      // SIGTERM stops a holder cleanly: it finishes its page, releases its leases and exits 0;
      // the standby takes them at its next look rather than after the lease runs out.
      await third.kill('SIGTERM');
      expect(third.child.exitCode).toBe(0);
      expect(third.log.at(-1)).toMatchObject({ msg: 'stopped' });
      await eventually(async () => expect(await runners()).toEqual(new Set([second.holder])), 5_000);
      await writers.more(30);
      console.log(
        `failover: the standby held every lease ${takeoverMs} ms after kill -9 (lease ${LEASE_MS} ms); ` +
          `the stalled holder had ${fenced} page(s) fenced after waking; ${writers.commands} commands in all`,
      );
    } finally {
      await writers.stop();
    }
    expect(writers.failure).toBeUndefined();

    await eventually(async () => expect((await projections()).every((info) => info.lag === 0 && info.status === 'live')).toBe(true), 20_000);

    // Every read model equals one rebuilt from zero over the same store, in another schema.
    const store = await PostgresEventStore.connect({ connectionString: TEST_DATABASE_URL!, schema: location.schema });
    opened.push(store);
    const subject = await PostgresReadModelDb.connect({ connectionString: TEST_DATABASE_URL!, schema: location.schema });
    opened.push(subject);
    const reference = await PostgresReadModelDb.connect({ connectionString: TEST_DATABASE_URL!, schema: referenceSchema });
    opened.push(reference);
    const comparison = await compareWithRebuildFromZero({ store, subject, reference, serviceLevels: await bundledServiceLevels(store) });
    expect(comparison.differences).toEqual([]);

    // Nothing lost: the store holds every acknowledged command, and the read model every issue at its version.
    const acknowledged = Object.fromEntries([...writers.acknowledged.values()].map((issue) => [issue.id, issue.version]));
    const inStore = await issueVersionsInStore(store);
    expect(inStore).toEqual(acknowledged);
    expect(issueVersionsIn(comparison.subject)).toEqual(inStore);
    const { body } = await request(api.url).get('/issues?pageSize=1').set('Authorization', admin).expect(200);
    expect(body.total).toBe(Object.keys(inStore).length);
  });
});
