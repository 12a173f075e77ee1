import type { StoredEvent } from '@app/event-store';
import { type HistoryActor, toHistoryEvent } from './historyEvent';
import { replayStream, summaryOf } from './replayStream';

/** One row of an issue's replayed timeline. */
export interface TimelineEntry {
  readonly version: number;
  readonly occurredAt: string | null;
  readonly recordedAt: string;
  readonly actor: HistoryActor | null;
  readonly type: string;
  readonly summary: string;
  /** The status once this event is applied, by the same fold that answers GET /issues/:id. */
  readonly statusAfter: string;
  /** While awaiting the resident, the status a reply returns to; null otherwise. */
  readonly resumeStatus: string | null;
  /** The workflow version the issue is decided under once this event is applied (none before it is logged). */
  readonly workflowVersion: number | null;
}

/** An issue's stream replayed through the lifecycle's own fold (see replayStream), a row per event. */
export function buildTimeline(streamEvents: readonly StoredEvent[]): TimelineEntry[] {
  return replayStream(streamEvents).map((replayed) => {
    const event = toHistoryEvent(replayed.stored);
    const state = replayed.after;
    return {
      version: event.version,
      occurredAt: event.occurredAt,
      recordedAt: event.recordedAt,
      actor: event.actor,
      type: event.type,
      summary: summaryOf(replayed),
      statusAfter: state.status,
      resumeStatus: state.status === 'none' ? null : state.resumeStatus,
      workflowVersion: state.status === 'none' ? null : state.workflowVersion,
    };
  });
}
