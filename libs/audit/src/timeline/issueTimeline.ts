import type { StoredEvent } from '@app/event-store';
import { evolve, type IssueState, NO_ISSUE } from '@app/lifecycle';
import { toIssueEvent } from '@app/streams';
import { summariseEvent } from './eventSummary';
import { type HistoryActor, toHistoryEvent } from './historyEvent';

/** One row of an issue's replayed timeline. */
export interface TimelineEntry {
  readonly version: number;
  readonly occurredAt: string | null;
  readonly recordedAt: string;
  readonly actor: HistoryActor | null;
  readonly type: string;
  readonly summary: string;
  /** The issue's status once this event is applied, by the same fold that answers GET /issues/:id. */
  readonly statusAfter: string;
  /** While awaiting the resident, the status a reply returns to; null otherwise. */
  readonly resumeStatus: string | null;
  /** The workflow version the issue is decided under once this event is applied (none before it is logged). */
  readonly workflowVersion: number | null;
}

/**
 * Replays an issue's stream, event by event, through the lifecycle's own fold. An event the
 * fold cannot read (an unknown type, a schema version this code does not know) is still shown,
 * leaves the status as it was, and says so; verify is where such an event is judged.
 */
export function buildTimeline(streamEvents: readonly StoredEvent[]): TimelineEntry[] {
  let state: IssueState = NO_ISSUE;
  return streamEvents.map((stored) => {
    const event = toHistoryEvent(stored);
    let readable = true;
    try {
      state = evolve(state, toIssueEvent(stored));
    } catch {
      readable = false;
    }
    return {
      version: event.version,
      occurredAt: event.occurredAt,
      recordedAt: event.recordedAt,
      actor: event.actor,
      type: event.type,
      summary: readable ? summariseEvent(event.type, event.data) : `(not readable by this version) ${summariseEvent(event.type, event.data)}`,
      statusAfter: state.status,
      resumeStatus: state.status === 'none' ? null : state.resumeStatus,
      workflowVersion: state.status === 'none' ? null : state.workflowVersion,
    };
  });
}
