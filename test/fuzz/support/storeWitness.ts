import type { EventStoreAdapter, GlobalEvent } from '@app/event-store';

/**
 * What a refused request must leave as it was: how many events the store holds, and every named
 * sequence (reference numbers: "a refused request spends no number"). `countAfter(null)` counts
 * every committed event; the head checkpoint would not do on PostgreSQL, where it trails commits
 * while any other transaction is in flight.
 */
export interface StoreMark {
  readonly events: number;
  readonly sequences: string;
  readonly at: string;
}

export async function markStore(store: EventStoreAdapter): Promise<StoreMark> {
  const at = new Date().toISOString();
  const [events, sequences] = await Promise.all([store.countAfter(null), store.auditSource().readSequences('')]);
  return { events, sequences: JSON.stringify([...sequences].sort((a, b) => a.name.localeCompare(b.name))), at };
}

/** The system's own appends (missed deadlines, escalations) may land at any moment: they are nobody's request. */
const bySystem = (event: GlobalEvent) => (event.metadata as { actor?: { role?: string } }).actor?.role === 'system';

/** Events recorded since the instant, read through the whole store: only when the count has moved, to name them. */
async function recordedSince(store: EventStoreAdapter, at: string): Promise<GlobalEvent[]> {
  const found: GlobalEvent[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await store.readAll({ after, limit: 1_000 });
    found.push(...page.events.filter((event) => event.recordedAt >= at));
    if (page.events.length < 1_000) return found;
    after = page.checkpoint;
  }
}

/** What changed in the store since the mark, other than the system's own events; empty when nothing did. */
export async function changesSince(store: EventStoreAdapter, mark: StoreMark): Promise<string[]> {
  const now = await markStore(store);
  const changes: string[] = [];
  if (now.events !== mark.events) {
    const appended = (await recordedSince(store, mark.at)).filter((event) => !bySystem(event));
    const systemOnly = appended.length === 0 && (await recordedSince(store, mark.at)).length === now.events - mark.events;
    if (!systemOnly) {
      changes.push(`the store went from ${mark.events} to ${now.events} events`, ...appended.map((event) => `appended ${event.type} to ${event.streamId}`));
    }
  }
  if (now.sequences !== mark.sequences) changes.push(`sequences moved: ${mark.sequences} -> ${now.sequences}`);
  return changes;
}
