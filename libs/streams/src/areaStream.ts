import { randomUUID } from 'node:crypto';
import type { NewEvent, StoredEvent } from '@app/event-store';
import { SCORECARD_EVENT_SCHEMA_VERSION, type ScorecardEvent, upcastScorecardEvent } from '@app/lifecycle';
import { type EventProvenance, eventMetadataOf, type IssueEventMetadata } from './issueStream';

/** Each area has its own stream, for what is decided about the area itself: its scorecard. */
export const areaStreamIdOf = (areaId: string) => `area-${areaId}`;
export const areaIdOf = (streamId: string) => streamId.replace(/^area-/, '');
export const isAreaStream = (streamId: string) => streamId.startsWith('area-');

/** An area event for the store, with the same metadata as an issue event. */
export function toNewAreaEvent(event: ScorecardEvent, provenance: EventProvenance): NewEvent {
  const metadata = eventMetadataOf(event.occurredAt, SCORECARD_EVENT_SCHEMA_VERSION[event.type], provenance);
  return { id: randomUUID(), type: event.type, data: event.data, metadata: { ...metadata } };
}

/** A stored area event as the domain reads it; an unknown type or version throws UnknownEventError. */
export function toAreaEvent(stored: StoredEvent): ScorecardEvent {
  const metadata = stored.metadata as unknown as IssueEventMetadata;
  return upcastScorecardEvent({ type: stored.type, data: stored.data, occurredAt: metadata.occurredAt, schemaVersion: metadata.schemaVersion });
}
