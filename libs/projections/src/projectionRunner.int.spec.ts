import { randomUUID } from 'node:crypto';
import type { GlobalEvent } from '@app/event-store';
import { ManualClock } from '@app/event-store/testing/manualClock';
import type { Projection, ProjectionTransaction } from './projection';
import { ProjectionRunner } from './projectionRunner';
import { HARNESS_STORES, ProjectionHarness } from './testing/projectionHarness';
import { generationsOf } from './projectionState';

/** Counts events with a non-idempotent increment: any event applied twice or lost shows. */
const counting = (name = 'counting', poison?: { active: boolean }): Projection => ({
  name,
  handles: ['Counted'],
  tables: [{ name: `${name}_total`, ddl: (table) => `CREATE TABLE ${table} (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)` }],
  async apply(events: readonly GlobalEvent[], tx: ProjectionTransaction) {
    if (poison?.active && events.some((event) => (event.data as { poison?: boolean }).poison)) throw new Error('cannot apply a poisoned event');
    const table = tx.table(`${name}_total`);
    await tx.run(`INSERT INTO ${table} (id, n) VALUES (1, 0) ON CONFLICT (id) DO NOTHING`);
    await tx.run(`UPDATE ${table} SET n = n + $1 WHERE id = 1`, [events.length]);
  },
});

const counted = (data: object = {}) => ({ id: randomUUID(), type: 'Counted', data, metadata: {} });

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.each(HARNESS_STORES)('ProjectionRunner, on %s', (kind) => {
  let harness: ProjectionHarness;
  // Runners a test starts by hand are stopped even when it fails, or they would keep jest alive.
  const started: ProjectionRunner[] = [];
  const start = (runner: ProjectionRunner) => (started.push(runner), runner.start(), runner);
  afterEach(async () => {
    await Promise.all(started.splice(0).map((runner) => runner.stop()));
    await harness.close();
  });

  /** The count so far; 0 before any runner has created the projection's tables. */
  const total = async (name = 'counting') =>
    Number((await harness.rows<{ n: string }>(`SELECT n FROM ${name}_total WHERE id = 1`).catch(() => []))[0]?.n ?? 0);
  const info = async (name = 'counting') => (await harness.host.describe()).find((p) => p.name === name)!;

  it('applies every event once when two runners both believe they hold the lease: the checkpoint fences them', async () => {
    const projection = counting();
    harness = await ProjectionHarness.open([projection], kind);
    for (let i = 0; i < 40; i++) await harness.store.append(`s-${i}`, [counted(), counted(), counted()], 0);
    const options = { store: harness.store, db: harness.db, clock: new ManualClock(), holder: 'same-holder', tickMs: 5, pageSize: 7 };
    const runners = [new ProjectionRunner(projection, options), new ProjectionRunner(projection, options)];
    runners.forEach(start);
    const writers = (async () => {
      for (let i = 40; i < 80; i++) await harness.store.append(`s-${i}`, [counted(), counted(), counted()], 0);
    })();
    await writers;
    await until(async () => (await total()) >= 240 && (await info()).lag === 0, 'all 240 events');
    await new Promise((resolve) => setTimeout(resolve, 100)); // room for a double application to show
    await Promise.all(runners.map((runner) => runner.stop()));
    expect(await total()).toBe(240);
  });

  it('keeps a standby idle while the lease is held, and the standby resumes from the checkpoint', async () => {
    const projection = counting();
    harness = await ProjectionHarness.open([projection], kind);
    const clock = new ManualClock();
    const base = { store: harness.store, db: harness.db, clock, tickMs: 5, leaseMs: 60_000 };
    const first = new ProjectionRunner(projection, { ...base, holder: 'first' });
    const standby = new ProjectionRunner(projection, { ...base, holder: 'standby' });
    start(first);
    await until(async () => first.isLeading, 'the first runner to lead');
    start(standby);
    for (let i = 0; i < 10; i++) await harness.store.append(`s-${i}`, [counted()], 0);
    await until(async () => (await total()) === 10, 'ten events');
    expect(standby.isLeading).toBe(false);
    expect((await info()).runner).toBe('first');

    await first.stop();
    for (let i = 10; i < 20; i++) await harness.store.append(`s-${i}`, [counted()], 0);
    await until(async () => (await total()) === 20, 'twenty events');
    expect(standby.isLeading).toBe(true);
    expect((await info()).runner).toBe('standby');
    await standby.stop();
  });

  it('takes over the lease of a holder that died without releasing it, once it expires', async () => {
    const projection = counting();
    harness = await ProjectionHarness.open([projection], kind);
    const clock = new ManualClock();
    // What a process killed with SIGKILL leaves behind: its lease, valid for one more second.
    const expiresAt = clock.now().getTime() + 1_000;
    await harness.db.run('INSERT INTO projection_control (name, holder, lease_expires_at) VALUES ($1, $2, $3)', ['counting', 'dead', expiresAt]);
    const heir = new ProjectionRunner(projection, { store: harness.store, db: harness.db, clock, holder: 'heir', tickMs: 5, leaseMs: 1_000 });
    start(heir);
    await harness.store.append('s-1', [counted()], 0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heir.isLeading).toBe(false);
    expect((await info()).status).toBe('catching-up');
    clock.advance(1_001);
    await until(async () => (await total()) === 1, 'the heir to apply the event');
    expect(heir.isLeading).toBe(true);
    expect((await info()).runner).toBe('heir');
    await heir.stop();
  });

  it('reports a projection that cannot apply a page as failed, with the error, and recovers once it can', async () => {
    const poison = { active: true };
    harness = await ProjectionHarness.open([counting('counting', poison)], kind);
    await harness.store.append('s-1', [counted(), counted({ poison: true })], 0);
    harness.host.run();
    // The runner retries a failed page, so the failed status may last only until its next try:
    // judge the reading that showed it.
    let seen: Awaited<ReturnType<typeof info>> | undefined;
    await until(async () => (seen = await info()).status === 'failed', 'the failed status');
    expect(seen).toMatchObject({ status: 'failed', error: 'cannot apply a poisoned event', lag: 2 });
    expect(await total()).toBe(0);
    poison.active = false;
    await until(async () => (await info()).status === 'live', 'recovery', 15_000);
    expect(await total()).toBe(2);
  });

  it('rebuilds into a new generation while readers keep the old one, then swaps', async () => {
    harness = await ProjectionHarness.open([counting()], kind);
    for (let i = 0; i < 30; i++) await harness.store.append(`s-${i}`, [counted()], 0);
    await harness.settle();
    expect(await total()).toBe(30);
    const [before] = await generationsOf(harness.db, 'counting');
    await harness.host.requestRebuild('counting');
    await until(async () => (await generationsOf(harness.db, 'counting')).some((row) => row.generation > before.generation && row.active), 'the swap');
    const after = await generationsOf(harness.db, 'counting');
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ generation: before.generation + 1, active: true });
    expect(await total()).toBe(30);
    await harness.store.append('s-last', [counted()], 0);
    await until(async () => (await total()) === 31, 'live again after the swap');
  });

  it('rebuilds by itself when the code of a projection changes its tables, reads going on meanwhile', async () => {
    harness = await ProjectionHarness.open([counting()], kind);
    for (let i = 0; i < 12; i++) await harness.store.append(`s-${i}`, [counted()], 0);
    await harness.settle();
    await harness.host.stop();
    const [before] = await generationsOf(harness.db, 'counting');

    // The next release adds a column: its runner finds tables written by other code.
    const changed: Projection = {
      ...counting(),
      tables: [{ name: 'counting_total', ddl: (table) => `CREATE TABLE ${table} (id INTEGER PRIMARY KEY, n BIGINT NOT NULL, note TEXT)` }],
    };
    const runner = new ProjectionRunner(changed, { store: harness.store, db: harness.db, clock: new ManualClock(), holder: 'next-release', tickMs: 5 });
    start(runner);
    await until(async () => (await generationsOf(harness.db, 'counting')).some((row) => row.active && row.generation > before.generation), 'the rebuild');
    expect(await total()).toBe(12);
    const [after] = await generationsOf(harness.db, 'counting');
    expect(after.definition).not.toBe(before.definition);
    await harness.rows('SELECT note FROM counting_total');
    await runner.stop();

    // Code that has not changed leaves its tables alone.
    const same = new ProjectionRunner(changed, { store: harness.store, db: harness.db, clock: new ManualClock(), holder: 'restart', tickMs: 5 });
    start(same);
    await harness.store.append('s-last', [counted()], 0);
    await until(async () => (await total()) === 13, 'the next event');
    await same.stop();
    expect((await generationsOf(harness.db, 'counting')).map((row) => row.generation)).toEqual([after.generation]);
  });
});

