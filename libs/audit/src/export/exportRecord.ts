import type { StoredEvent } from '@app/event-store';
import { isIssueStream, issueIdOf } from '@app/streams';
import { type HistoryEvent, toHistoryEvent } from '../timeline/historyEvent';

/**
 * One event of an export: the fields of a history event, plus the stream it belongs to. Events
 * of an area's own stream (its scorecard) have no issue: `issueId` null, `streamId` says whose.
 */
export interface ExportRecord extends HistoryEvent {
  readonly issueId: string | null;
  readonly streamId: string;
}

export function toExportRecord(event: StoredEvent): ExportRecord {
  return {
    issueId: isIssueStream(event.streamId) ? issueIdOf(event.streamId) : null,
    streamId: event.streamId,
    ...toHistoryEvent(event),
  };
}
