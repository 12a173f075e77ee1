import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventStoreAdapter, type NewEvent, PostgresEventStore, SqliteEventStore } from '@app/event-store';
import { dropSchema, scratchSchemaName, TEST_DATABASE_URL } from '@app/event-store/testing/postgresTestDatabase';
import type { CommandName } from '@app/lifecycle';
import { OUTBOX_PROJECTION_NAME, PostgresReadModelDb, PROJECTION_NAMES, type ProjectionInfo, type ReadModelDb, SqliteReadModelDb } from '@app/projections';
import { history } from '@app/projections/testing/issueHistory';
import { REFERENCE_KEY, streamIdOf, toNewEvent } from '@app/streams';
import { type ApiProcess, startApiProcess } from './support/apiProcess';
import { type ProjectorProcess, startProjectorProcess } from './support/projectorProcess';
import { bundledServiceLevels, issueVersionsIn, issueVersionsInStore, marksOf, RebuildFromZero } from './support/readModelComparison';
import { bearer, envFor, newStoreLocation, removeStoreLocation, STORES, type StoreLocation } from './support/testApp';

jest.setTimeout(120_000);

const EVENTS = 20_000;
const viewer = bearer('viewer', ['*']);
const provenance = { actor: { id: 'seed', role: 'admin' as const }, correlationId: 'seed', causationId: 'seed' };

/** Paths issues take after intake: short and long, reopened, withdrawn, still open. */
const PATHS: CommandName[][] = [
  ['refer', 'resolve', 'feed-back'],
  ['board-review', 'assign', 'roundtable', 'notes', 'resolve', 'feed-back', 'reopen', 'refer', 'resolve'],
  ['assign', 'notes', 'withdraw'],
  [],
  ['board-review', 'refer', 'notes', 'notes'],
  ['refer', 'assign', 'resolve', 'feed-back', 'reopen', 'withdraw'],
];
const AREAS = [
  ['trowbridge', 'TROW'],
  ['calne', 'CALN'],
  ['amesbury', 'AMES'],
];
const CHANNELS = ['online', 'email', 'phone', 'letter', 'meeting'] as const;
const DAY_MS = 86_400_000;

interface SeededIssue {
  readonly id: string;
  readonly reference: string;
  readonly events: NewEvent[];
}

/** Exactly EVENTS events, as the domain decides them, in issue histories (the last one maybe cut short). */
function issueHistories(): SeededIssue[] {
  const issues: SeededIssue[] = [];
  let total = 0;
  for (let i = 0; total < EVENTS; i++) {
    const [areaId, code] = AREAS[i % AREAS.length];
    const reference = `${code}-2026-${String(Math.floor(i / AREAS.length) + 1).padStart(5, '0')}`;
    const start = Date.UTC(2026, 0, 5) + i * 60_000;
    const steps = (['log', ...PATHS[i % PATHS.length]] as CommandName[]).map((name, k) => [name, new Date(start + k * DAY_MS).toISOString()] as const);
    const events = history(steps, { reference, areaId, channel: CHANNELS[i % CHANNELS.length], title: `Seeded issue ${i}` })
      .slice(0, EVENTS - total)
      .map((event) => toNewEvent(event, provenance));
    total += events.length;
    issues.push({ id: randomUUID(), reference, events });
  }
  return issues;
}

/** Appends each issue's history in one append (a few at a time), straight into the store. */
async function seed(store: EventStoreAdapter, issues: readonly SeededIssue[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < issues.length) {
      const { id, reference, events } = issues[next++];
      await store.append(streamIdOf(id), events, 0, { uniqueKeys: [{ scope: REFERENCE_KEY, key: reference }] });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

/** The test's own connection to the store: it seeds, counts and feeds the rebuild from zero. */
function openStore(location: StoreLocation): Promise<EventStoreAdapter> {
  if (location.kind === 'sqlite') return Promise.resolve(new SqliteEventStore({ file: join(location.dataDir, 'events.db'), pollMs: 50 }));
  // Seeding is set-up, not what is under test: its commits need not wait for the disk.
  const url = new URL(TEST_DATABASE_URL!);
  url.searchParams.set('options', '-c synchronous_commit=off');
  return PostgresEventStore.connect({ connectionString: url.toString(), schema: location.schema, pollMs: 50 });
}

async function projections(api: ApiProcess): Promise<ProjectionInfo[]> {
  const response = await fetch(`${api.url}/projections`, { headers: { Authorization: viewer } });
  if (response.status !== 200) throw new Error(`GET /projections answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as ProjectionInfo[];
}

/** Each projection's position and lag as its checkpoint row has them (what GET /projections reports). */
async function progressOf(db: ReadModelDb, store: EventStoreAdapter): Promise<Array<{ name: string; position: number; lag: number }>> {
  const marks = await marksOf(db);
  return Promise.all(Object.entries(marks).map(async ([name, mark]) => ({ name, position: mark.position, lag: await store.countAfter(mark.checkpoint) })));
}

const API_MAIN = join(__dirname, '..', 'dist', 'apps', 'api', 'main.js');
const PROJECTOR_MAIN = join(__dirname, '..', 'dist', 'apps', 'projector', 'main.js');

/**
 * Spawns, without waiting for them to be ready, the processes that run the projections: on
 * SQLite the API itself; on PostgreSQL an API with PROJECTIONS=off and a projector. Not the
 * start helpers: the kill may land before a process is ready, and they would wait for it.
 */
function spawnDeployment(location: StoreLocation): ChildProcess[] {
  const run = (main: string, env: Record<string, string>) => spawn(process.execPath, [main], { env: { ...process.env, ...env, PORT: '0' }, stdio: 'ignore' });
  if (location.kind === 'sqlite') return [run(API_MAIN, envFor(location))];
  return [run(API_MAIN, envFor(location, { PROJECTIONS: 'off' })), run(PROJECTOR_MAIN, envFor(location, { PROJECTION_LEASE_MS: '1500' }))];
}

async function killAll(children: readonly ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }),
  );
}

/** The read models compared (the outbox keeps messages, not a read model: it is not among them). */
const COMPARED = PROJECTION_NAMES.filter((name) => name !== OUTBOX_PROJECTION_NAME);

/** Every projection has applied a page (so each resumes from a checkpoint of its own) and one at least has more to do. */
const midway = (progress: Array<{ position: number; lag: number }>) =>
  progress.length === COMPARED.length && progress.every((p) => p.position > 0) && progress.some((p) => p.lag > 0);

/**
 * Watches the checkpoints from the moment the processes start and kills the lease holder with
 * SIGKILL once every projection has moved and one has not finished. It reads the checkpoint
 * rows (what GET /projections reports) because the API starts catching up before its port
 * opens, and can be done with 20,000 events by then. The lease names the holder's pid.
 */
async function killMidCatchUp(db: ReadModelDb, store: EventStoreAdapter, children: readonly ChildProcess[], timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const progress = await progressOf(db, store).catch(() => []); // tables not created yet
    if (midway(progress)) {
      const [{ holder }] = await db.all<{ holder: string }>('SELECT holder FROM projection_control WHERE holder IS NOT NULL');
      const runner = children.find((child) => child.pid === Number(holder.split(':').at(-2)));
      if (!runner) throw new Error(`the lease holder ${holder} is none of the processes this test started`);
      runner.kill('SIGKILL');
      return;
    }
    if (progress.length > 0 && progress.every((p) => p.lag === 0)) throw new Error(`catch-up finished before the kill could land: ${JSON.stringify(progress)}`);
    if (Date.now() > deadline) throw new Error(`catch-up did not begin within ${timeoutMs} ms: ${JSON.stringify(progress)}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function untilCaughtUp(api: ApiProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const infos = await projections(api);
    if (infos.every((info) => info.lag === 0 && info.status === 'live')) return;
    if (Date.now() > deadline) throw new Error(`the projections did not catch up within ${timeoutMs} ms: ${JSON.stringify(infos)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The same deployment again, through the start helpers: they wait until it is ready. */
async function restart(location: StoreLocation): Promise<{ api: ApiProcess; projector?: ProjectorProcess }> {
  if (location.kind === 'sqlite') return { api: await startApiProcess(envFor(location, { LOG_LEVEL: 'error' })) };
  const api = await startApiProcess(envFor(location, { LOG_LEVEL: 'error', PROJECTIONS: 'off' }));
  // A short lease: the new projector takes over the killed one's lease soon.
  return { api, projector: await startProjectorProcess(envFor(location, { PROJECTION_LEASE_MS: '1500' })) };
}

/** The read models the deployment keeps, opened by the test to read them directly. */
function readModelsOf(location: StoreLocation): Promise<ReadModelDb> {
  return location.kind === 'sqlite'
    ? Promise.resolve(new SqliteReadModelDb(join(location.dataDir, 'read-models.db')))
    : PostgresReadModelDb.connect({ connectionString: TEST_DATABASE_URL!, schema: location.schema });
}

describe.each(STORES)('projections killed with SIGKILL mid catch-up, on %s', (kind) => {
  let location: StoreLocation;
  let restarted: Awaited<ReturnType<typeof restart>> | undefined;
  let rebuild: RebuildFromZero | undefined;
  let store: EventStoreAdapter | undefined;
  let opened: ReadModelDb[];
  let referenceDir: string;
  let referenceSchema: string;

  beforeEach(() => {
    location = newStoreLocation(kind);
    restarted = undefined;
    store = undefined;
    rebuild = undefined;
    opened = [];
    referenceDir = mkdtempSync(join(tmpdir(), 'issues-rebuilt-'));
    referenceSchema = scratchSchemaName('rebuilt');
  });
  afterEach(async () => {
    await Promise.all([restarted?.api.kill('SIGTERM'), restarted?.projector?.kill('SIGTERM'), rebuild?.stop()]);
    await Promise.all(opened.map((db) => db.close()));
    await store?.close();
    await removeStoreLocation(location);
    rmSync(referenceDir, { recursive: true, force: true });
    if (kind === 'postgres') await dropSchema(referenceSchema);
  });

  it(`resumes from its checkpoint after a restart, and every read model equals one rebuilt from zero over ${EVENTS} events`, async () => {
    const timings: string[] = [];
    let since = Date.now();
    const lap = (phase: string) => {
      timings.push(`${phase} ${Date.now() - since} ms`);
      since = Date.now();
    };
    const issues = issueHistories();
    store = await openStore(location);
    await seed(store, issues);
    expect(await store.countAfter(null)).toBe(EVENTS);
    lap(`seeded ${issues.length} issues`);

    const subject = await readModelsOf(location);
    opened.push(subject);
    const children = spawnDeployment(location);
    try {
      await killMidCatchUp(subject, store, children);
    } finally {
      await killAll(children);
    }

    // What survived the kill is what the restart resumes from: part way, not done.
    const atKill = await progressOf(subject, store);
    expect(midway(atKill)).toBe(true);
    lap(`killed at ${JSON.stringify(atKill)}`);

    // The reference rebuilds from zero while the restarted deployment catches up.
    const reference =
      kind === 'sqlite'
        ? new SqliteReadModelDb(join(referenceDir, 'read-models.db'))
        : await PostgresReadModelDb.connect({ connectionString: TEST_DATABASE_URL!, schema: referenceSchema });
    opened.push(reference);
    // Judged by the policy the deployment adopted (the bundled one).
    rebuild = await RebuildFromZero.start({ store, reference, serviceLevels: await bundledServiceLevels(store) });
    restarted = await restart(location);
    await untilCaughtUp(restarted.api, 40_000);
    lap('restarted and caught up');

    const comparison = await rebuild.compareWith(subject);
    expect(comparison.differences).toEqual([]);
    lap('rebuilt from zero and compared');

    // Nothing lost: every seeded issue in the store and in the read model, at its seeded version.
    const seeded = Object.fromEntries(issues.map((issue) => [issue.id, issue.events.length]));
    expect(await issueVersionsInStore(store)).toEqual(seeded);
    expect(issueVersionsIn(comparison.subject)).toEqual(seeded);
    expect(comparison.subject.marks.issues.applied).toBe(EVENTS);
    console.log(`${kind}: ${timings.join('; ')}`);
  });
});
