import { ManualClock } from '@app/event-store/testing/manualClock';
import { SYSTEM_ACTOR } from '@app/lifecycle';
import type { DeadlineSubject } from '@app/service-levels';
import { HARNESS_STORES, ProjectionHarness } from '@app/projections/testing/projectionHarness';
import { deadlineEventIds } from './deadlineEventIds';
import { DeadlineScheduler } from './deadlineScheduler';
import { POLICY_VERSION, registry, SchedulerSpec } from './testing/schedulerSpecs';

// Sample policy, trowbridge highways: acknowledge 2, resolve 10, feedBack 5 working days (GB-ENG).
const MONDAY = '2026-03-02T10:00:00.000Z'; // acknowledge due Wed 2026-03-04, resolve due Mon 2026-03-16

/** Kind and cycle of each DeadlineMissed and IssueEscalated, in stream order. */
const recorded = (events: Array<{ type: string; data: unknown }>) =>
  events.map(({ type, data }) => `${type} ${(data as { kind: string }).kind}/${(data as { cycle: number }).cycle}`);

describe.each(HARNESS_STORES)('DeadlineScheduler, on %s', (kind) => {
  let spec: SchedulerSpec;
  beforeEach(async () => {
    spec = await SchedulerSpec.open(kind);
  });
  afterEach(() => spec.close());

  it('records nothing on the due day, then exactly one DeadlineMissed and IssueEscalated, as the system, once the due day is over', async () => {
    const id = await spec.issue(MONDAY);
    spec.at('2026-03-04T23:30:00.000Z'); // still Wednesday in London (GMT)
    await spec.scheduler().tick();
    expect(await spec.systemEvents(id)).toEqual([]);

    spec.at('2026-03-05T00:30:00.000Z');
    expect(await spec.scheduler().tick()).toMatchObject({ recorded: 1, failed: 0 });
    const events = await spec.systemEvents(id);
    expect(events.map(({ type, data }) => ({ type, data }))).toEqual([
      { type: 'DeadlineMissed', data: { kind: 'acknowledge', dueAt: '2026-03-04', policyVersion: POLICY_VERSION, cycle: 0 } },
      { type: 'IssueEscalated', data: { to: 'boardChair', kind: 'acknowledge', cycle: 0 } },
    ]);
    expect(events.map((event) => event.metadata.actor)).toEqual([SYSTEM_ACTOR, SYSTEM_ACTOR]);
    expect(events.map((event) => event.id)).toEqual(deadlineEventIds({ issueId: id, kind: 'acknowledge', cycle: 0 }));
    expect(events.map((event) => event.version)).toEqual([2, 3]);
  });

  it('records nothing more on a second tick, nor from a second scheduler on the same store, read model caught up or not', async () => {
    const id = await spec.issue(MONDAY);
    spec.at('2026-03-05T09:00:00.000Z');
    const first = spec.scheduler();
    expect(await first.tick()).toMatchObject({ recorded: 1 });
    // Before the projection has applied them, the row still says the acknowledge is due.
    expect(await first.tick()).toMatchObject({ recorded: 0 });
    expect(await spec.scheduler().tick()).toMatchObject({ recorded: 0 });
    await spec.harness.settle();
    expect(await first.tick()).toMatchObject({ recorded: 0, checked: 0 });
    expect(await spec.scheduler().tick()).toMatchObject({ recorded: 0 });
    expect(recorded(await spec.systemEvents(id))).toEqual(['DeadlineMissed acknowledge/0', 'IssueEscalated acknowledge/0']);
  });

  it('records each deadline once when two schedulers tick at the same time', async () => {
    const ids: string[] = [];
    for (let n = 0; n < 8; n++) ids.push(await spec.issue(MONDAY));
    spec.at('2026-03-20T09:00:00.000Z'); // acknowledge and resolve both passed
    const reports = await Promise.all([spec.scheduler().tick(), spec.scheduler().tick(), spec.scheduler().tick()]);
    expect(reports.reduce((sum, report) => sum + report.recorded, 0)).toBe(16);
    expect(reports.every((report) => report.failed === 0)).toBe(true);
    for (const id of ids) {
      expect(recorded(await spec.systemEvents(id))).toEqual([
        'DeadlineMissed acknowledge/0',
        'IssueEscalated acknowledge/0',
        'DeadlineMissed resolve/0',
        'IssueEscalated resolve/0',
      ]);
    }
  });

  it('records nothing for a deadline met in time, while the next one still runs', async () => {
    const id = await spec.issue(MONDAY, ['refer', '2026-03-04T16:00:00.000Z']);
    spec.at('2026-03-16T20:00:00.000Z'); // the resolve deadline's own due day
    expect(await spec.scheduler().tick()).toMatchObject({ recorded: 0 });
    expect(await spec.systemEvents(id)).toEqual([]);
  });

  it('records nothing for a withdrawn issue, even when it was withdrawn after its deadlines passed', async () => {
    const early = await spec.issue(MONDAY, ['withdraw', '2026-03-03T10:00:00.000Z']);
    const late = await spec.issue(MONDAY, ['withdraw', '2026-03-25T10:00:00.000Z']);
    spec.at('2026-06-01T09:00:00.000Z');
    expect(await spec.scheduler().tick()).toMatchObject({ recorded: 0, failed: 0 });
    expect(await spec.systemEvents(early)).toEqual([]);
    expect(await spec.systemEvents(late)).toEqual([]);
  });

  it('holds a resolve deadline while the resident is awaited, and records it once due after the reply', async () => {
    const id = await spec.issue(MONDAY, ['refer', '2026-03-02T11:00:00.000Z'], ['await-resident', '2026-03-03T11:00:00.000Z']);
    spec.at('2026-03-20T09:00:00.000Z'); // the unpaused due day (03-16) is long past
    expect(await spec.scheduler().tick()).toMatchObject({ recorded: 0 });

    // 13 paused working days (03-03 to 03-19): due Thu 2026-04-02.
    await spec.command(id, 'resident-replied', '2026-03-20T11:00:00.000Z');
    const scheduler = spec.scheduler();
    spec.at('2026-04-02T18:00:00.000Z');
    expect(await scheduler.tick()).toMatchObject({ recorded: 0 });
    spec.at('2026-04-03T09:00:00.000Z');
    expect(await scheduler.tick()).toMatchObject({ recorded: 1 });
    const [missed] = await spec.systemEvents(id);
    expect(missed.data).toEqual({ kind: 'resolve', dueAt: '2026-04-02', policyVersion: POLICY_VERSION, cycle: 0 });
  });

  it('records the fresh resolve deadline of a reopened issue as cycle 1', async () => {
    const id = await spec.issue(
      MONDAY,
      ['refer', '2026-03-02T11:00:00.000Z'],
      ['resolve', '2026-03-03T11:00:00.000Z'],
      ['feed-back', '2026-03-03T12:00:00.000Z'],
      ['reopen', '2026-03-04T11:00:00.000Z'],
    );
    spec.at('2026-03-19T09:00:00.000Z'); // cycle 1 resolve due Wed 2026-03-18
    expect(await spec.scheduler().tick()).toMatchObject({ recorded: 1 });
    const events = await spec.systemEvents(id);
    expect(recorded(events)).toEqual(['DeadlineMissed resolve/1', 'IssueEscalated resolve/1']);
    expect(events[0].data).toMatchObject({ dueAt: '2026-03-18' });
  });

  it('goes on to the other issues when one cannot be judged, and reports that one in its health', async () => {
    const broken = await spec.issueIn({ category: 'waste' }, MONDAY);
    const sound = await spec.issue('2026-03-03T10:00:00.000Z');
    spec.at('2026-03-10T09:00:00.000Z');
    const failing = {
      ...registry,
      rulesFor: (subject: DeadlineSubject) => {
        if (subject.category === 'waste') throw new Error('no rules for waste');
        return registry.rulesFor(subject);
      },
    };
    const scheduler = spec.scheduler({ registry: failing });
    expect(await scheduler.tick()).toMatchObject({ checked: 2, recorded: 1, failed: 1 });
    expect(recorded(await spec.systemEvents(sound))).toEqual(['DeadlineMissed acknowledge/0', 'IssueEscalated acknowledge/0']);
    expect(await spec.systemEvents(broken)).toEqual([]);
    expect(scheduler.health().lastError).toContain(broken);
    // Tried again next tick: once it can be judged, it is recorded.
    expect(await spec.scheduler().tick()).toMatchObject({ recorded: 1, failed: 0 });
    expect(recorded(await spec.systemEvents(broken))).toEqual(['DeadlineMissed acknowledge/0', 'IssueEscalated acknowledge/0']);
  });

  it('after downtime, records what fell due oldest first, a batch a tick, until none is left', async () => {
    const loggedOn = ['2026-03-09T10:00:00.000Z', '2026-03-02T10:00:00.000Z', '2026-03-23T10:00:00.000Z', '2026-03-16T10:00:00.000Z', '2026-03-10T10:00:00.000Z'];
    const ids: string[] = [];
    for (const at of loggedOn) ids.push(await spec.issue(at, ['refer', at]));
    const byAge = [1, 0, 4, 3, 2].map((index) => ids[index]);
    spec.at('2026-06-01T09:00:00.000Z');

    const scheduler = spec.scheduler({ batchSize: 2 });
    expect(await scheduler.tick()).toMatchObject({ checked: 2, recorded: 2 });
    expect((await Promise.all(byAge.map((id) => spec.systemEvents(id)))).map((events) => events.length)).toEqual([2, 2, 0, 0, 0]);

    scheduler.start();
    try {
      await eventually(async () => expect((await Promise.all(ids.map((id) => spec.systemEvents(id)))).every((events) => events.length === 2)).toBe(true));
    } finally {
      await scheduler.stop();
    }
    const missedInStoreOrder = (await Promise.all(ids.map(async (id) => ({ id, position: (await spec.systemEvents(id))[0].globalPosition }))))
      .sort((a, b) => a.position - b.position)
      .map(({ id }) => id);
    expect(missedInStoreOrder).toEqual(byAge);
    expect(scheduler.health()).toMatchObject({ running: false, lastError: null, recordedSinceStart: 5 });
  });
});

describe.each(HARNESS_STORES)('DeadlineScheduler before the issues read model exists, on %s', (kind) => {
  it('waits for it quietly, without reporting an error, and goes on ticking', async () => {
    const harness = await ProjectionHarness.open([], kind);
    const warnings: string[] = [];
    const errors: string[] = [];
    const scheduler = new DeadlineScheduler({
      store: harness.store,
      db: harness.db,
      registry,
      clock: new ManualClock(),
      intervalMs: 10,
      log: { info: () => undefined, warn: (message) => warnings.push(message), error: (message) => errors.push(message) },
    });
    scheduler.start();
    try {
      await eventually(async () => expect(warnings.length).toBeGreaterThanOrEqual(2));
    } finally {
      await scheduler.stop();
      await harness.close();
    }
    expect(errors).toEqual([]);
    expect(scheduler.health()).toMatchObject({ running: false, lastError: null });
  });
});

async function eventually(check: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
