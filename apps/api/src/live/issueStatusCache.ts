import type { EventStore, StoredEvent } from '@app/event-store';
import { evolve, foldIssue, type IssueState, NO_ISSUE } from '@app/lifecycle';
import { toIssueEvent } from '@app/streams';

/**
 * The state of issues just after a given event, for the live feed's `status`. Keeps the latest
 * state of the most recently used issues (a bounded LRU), so that on a busy feed the next event
 * of an issue is one `evolve` rather than a read of its whole stream; every client shares it.
 */
export class IssueStatusCache {
  /** Insertion order is recency: the first entry is the least recently used. */
  private readonly states = new Map<string, IssueState>();

  constructor(
    private readonly store: Pick<EventStore, 'readStream'>,
    private readonly capacity: number,
  ) {}

  get size(): number {
    return this.states.size;
  }

  /** The issue's state once `event` (an event of its stream) is applied. */
  async after(event: StoredEvent): Promise<IssueState> {
    const cached = this.states.get(event.streamId);
    let state: IssueState;
    if (cached?.version === event.version) state = cached;
    else if (cached?.version === event.version - 1) state = evolve(cached, toIssueEvent(event));
    else {
      // Unknown, or known at another version (a client resuming from further back): read only what is missing.
      const from = cached && cached.version < event.version ? cached : NO_ISSUE;
      const missing = await this.store.readStream(event.streamId, { fromVersion: from.version + 1 });
      state = foldIssue(
        missing.filter((stored) => stored.version <= event.version).map(toIssueEvent),
        from,
      );
    }
    this.remember(event.streamId, state);
    return state;
  }

  /** Forgets an issue whose events could not be folded, so the next event starts afresh. */
  forget(streamId: string): void {
    this.states.delete(streamId);
  }

  private remember(streamId: string, state: IssueState): void {
    const cached = this.states.get(streamId);
    this.states.delete(streamId);
    // A client behind the others must not wind the shared state back.
    this.states.set(streamId, cached && cached.version > state.version ? cached : state);
    if (this.states.size > this.capacity) this.states.delete(this.states.keys().next().value!);
  }
}
