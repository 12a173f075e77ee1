import { randomUUID } from 'node:crypto';
import type { EventStoreAdapter, GlobalEvent, ReadAllPage, Subscription } from '@app/event-store';
import { SharedCatchUp } from './sharedCatchUp';
import { HARNESS_STORES, ProjectionHarness } from './testing/projectionHarness';

const PAGE = 10;
const note = (n: number) => ({ id: randomUUID(), type: 'NoteAdded', data: { n }, metadata: {} });

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.each(HARNESS_STORES)('catching up through shared reads, on %s', (kind) => {
  let harness: ProjectionHarness;
  let store: EventStoreAdapter;
  let fullPagesRead: number;
  let failNextRead: boolean;
  let shared: SharedCatchUp;
  let counted: ConstructorParameters<typeof SharedCatchUp>[0];
  const subscriptions: Subscription[] = [];

  beforeEach(async () => {
    harness = await ProjectionHarness.open([], kind);
    store = harness.store;
    fullPagesRead = 0;
    failNextRead = false;
    // The store as the host hands it over, counting the reads that come back full.
    counted = {
      readAll: async (options: { after?: string | null; limit?: number }): Promise<ReadAllPage> => {
        if (failNextRead) {
          failNextRead = false;
          throw new Error('the store is unreachable');
        }
        const page = await store.readAll(options);
        if (page.events.length === options.limit) fullPagesRead++;
        return page;
      },
      subscribeToPages: store.subscribeToPages.bind(store),
    };
    shared = new SharedCatchUp(counted, PAGE, 100);
    for (let stream = 0; stream < 5; stream++) await store.append(`s-${stream}`, Array.from({ length: 10 }, (_, i) => note(stream * 10 + i)), 0);
    await visible(50);
  });

  // PostgreSQL's readers see an event only once every older transaction has ended (another
  // suite's may still be open): the pages are full only from then on.
  const visible = (count: number) => until(async () => (await store.readAll({ limit: 1000 })).events.length === count, `${count} events to be readable`);

  afterEach(async () => {
    await Promise.all(subscriptions.splice(0).map((subscription) => subscription.stop()));
    await harness.close();
  });

  const follow = (received: GlobalEvent[], options = {}) => {
    const subscription = shared.subscribeToPages(async (page) => void received.push(...page), options);
    subscriptions.push(subscription);
    return subscription;
  };
  const numbers = (events: GlobalEvent[]) => events.map((event) => (event.data as { n: number }).n);
  const inOrder = (count: number) => Array.from({ length: count }, (_, n) => n);

  it('reads each full page of the store once for all the readers catching up together, then follows live', async () => {
    const first: GlobalEvent[] = [];
    const second: GlobalEvent[] = [];
    const a = follow(first);
    const b = follow(second);
    await until(() => first.length === 50 && second.length === 50, 'both readers to catch up');
    expect(numbers(first)).toEqual(inOrder(50));
    expect(numbers(second)).toEqual(inOrder(50));
    // 50 events in pages of 10: five full pages, each read once rather than once per reader.
    expect(fullPagesRead).toBe(5);

    await store.append('s-late', [note(50), note(51), note(52)], 0);
    await until(() => first.length === 53 && second.length === 53, 'both readers to receive the new events');
    expect(numbers(first)).toEqual(inOrder(53));
    expect(numbers(second)).toEqual(inOrder(53));
    await until(() => a.health.caughtUp && b.health.caughtUp, 'both readers to say they are caught up');
    expect(a.checkpoint).toBe(first[52].checkpoint);
  });

  it('keeps a reader with little to do from running ahead and pushing out the pages a slower one still needs', async () => {
    for (let stream = 5; stream < 10; stream++) await store.append(`s-${stream}`, Array.from({ length: 10 }, (_, i) => note(stream * 10 + i)), 0);
    await visible(100);
    shared = new SharedCatchUp(counted, PAGE, 2);
    const fast: GlobalEvent[] = [];
    const slow: GlobalEvent[] = [];
    follow(fast);
    subscriptions.push(
      shared.subscribeToPages(async (page) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        slow.push(...page);
      }),
    );
    await until(() => fast.length === 100 && slow.length === 100, 'both readers to catch up');
    expect(numbers(fast)).toEqual(inOrder(100));
    expect(numbers(slow)).toEqual(inOrder(100));
    expect(fullPagesRead).toBe(10);
  });

  it('resumes after a checkpoint, without repeating or skipping an event', async () => {
    const { events } = await store.readAll({ limit: 17 });
    const received: GlobalEvent[] = [];
    follow(received, { after: events[16].checkpoint });
    await until(() => received.length === 33, 'the reader to catch up');
    expect(numbers(received)).toEqual(inOrder(50).slice(17));
  });

  it('lets the process serve other work between pages while it catches up (SQLite reads are synchronous)', async () => {
    const received: GlobalEvent[] = [];
    let receivedWhenOtherWorkRan = -1;
    setImmediate(() => (receivedWhenOtherWorkRan = received.length));
    follow(received);
    await until(() => received.length === 50, 'the reader to catch up');
    expect(receivedWhenOtherWorkRan).toBeGreaterThanOrEqual(0);
    expect(receivedWhenOtherWorkRan).toBeLessThan(50);
  });

  it('reports a failed read and retries it', async () => {
    failNextRead = true;
    const failures: Array<[string, number]> = [];
    const received: GlobalEvent[] = [];
    follow(received, { onReadError: (error: Error, count: number) => failures.push([error.message, count]) });
    await until(() => received.length === 50, 'the reader to catch up after the failure');
    expect(failures).toEqual([['the store is unreachable', 1]]);
    expect(numbers(received)).toEqual(inOrder(50));
  });

  it('stops at the page whose handler failed, reporting why, so that a runner can resume there', async () => {
    const errors: unknown[] = [];
    let pages = 0;
    const subscription = shared.subscribeToPages(
      async () => {
        if (++pages === 3) throw new Error('the projection failed');
      },
      { onError: (error) => errors.push(error) },
    );
    subscriptions.push(subscription);
    await subscription.done;
    expect(subscription.health).toMatchObject({ stopped: true, lastError: 'the projection failed' });
    expect(errors).toHaveLength(1);
    const { events } = await store.readAll({ limit: 2 * PAGE });
    expect(subscription.checkpoint).toBe(events[2 * PAGE - 1].checkpoint);
  });
});
