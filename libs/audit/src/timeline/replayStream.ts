import type { StoredEvent } from '@app/event-store';
import { evolve, type IssueEvent, type IssueState, NO_ISSUE } from '@app/lifecycle';
import { toIssueEvent } from '@app/streams';
import { summariseEvent } from './eventSummary';

/** One stored event of an issue's stream, with the issue's state on either side of it. */
export interface ReplayedEvent {
  readonly stored: StoredEvent;
  /** The event as the lifecycle reads it; null when it cannot (an unknown type, a schema version this code does not know). */
  readonly event: IssueEvent | null;
  readonly before: IssueState;
  /** By the lifecycle's own fold, the one that answers GET /issues/:id; as `before` for an unreadable event. */
  readonly after: IssueState;
}

/**
 * Replays an issue's stream, event by event, through the lifecycle's own fold. An event the
 * fold cannot read is still given, leaves the state as it was, and says so (`event` null);
 * verify is where such an event is judged.
 */
export function replayStream(streamEvents: readonly StoredEvent[]): ReplayedEvent[] {
  let state: IssueState = NO_ISSUE;
  return streamEvents.map((stored) => {
    const before = state;
    let event: IssueEvent | null = null;
    try {
      const read = toIssueEvent(stored);
      state = evolve(state, read);
      event = read;
    } catch {
      // Unreadable: the state stays as it was.
    }
    return { stored, event, before, after: state };
  });
}

/** What the event says, in a few words and without personal data; an unreadable one says so. */
export function summaryOf({ stored, event }: ReplayedEvent): string {
  const summary = summariseEvent(stored.type, stored.data);
  return event ? summary : `(not readable by this version) ${summary}`;
}
