import type { EventStore, GlobalEvent } from '@app/event-store';

/**
 * Every event committed so far, in the store's global order. On PostgreSQL `readAll` holds back
 * committed events while an older transaction anywhere in the cluster is still open (so that no
 * later commit can slip in front of a reader), and tests of other files run such transactions at
 * the same time: read until `readAll` has caught up with the count of committed rows.
 */
export async function readWholeStore(store: Pick<EventStore, 'readAll' | 'countAfter'>, pageSize = 1000, withinMs = 5_000): Promise<GlobalEvent[]> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const committed = await store.countAfter(null);
    const events: GlobalEvent[] = [];
    for (let page = await store.readAll({ limit: pageSize }); page.events.length > 0; page = await store.readAll({ after: page.checkpoint, limit: pageSize })) {
      events.push(...page.events);
    }
    if (events.length >= committed || Date.now() > deadline) return events;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
