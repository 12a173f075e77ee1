import { randomUUID } from 'node:crypto';
import type { NewEvent, StoredEvent } from '@app/event-store';
import { MEETING_EVENT_SCHEMA_VERSION, type MeetingEvent, upcastMeetingEvent } from '@app/lifecycle';
import { type EventProvenance, eventMetadataOf, type IssueEventMetadata } from './issueStream';

/** Each board meeting has its own stream: its scheduling and its minutes. */
export const meetingStreamIdOf = (meetingId: string) => `meeting-${meetingId}`;
export const meetingIdOf = (streamId: string) => streamId.replace(/^meeting-/, '');
export const isMeetingStream = (streamId: string) => streamId.startsWith('meeting-');

/** Meeting ids are UUIDs the API allocates: anything else names no meeting, and is never looked up. */
const MEETING_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const isMeetingId = (text: string) => MEETING_ID.test(text);

/** A meeting event for the store, with the same metadata as an issue event. */
export function toNewMeetingEvent(event: MeetingEvent, provenance: EventProvenance): NewEvent {
  const metadata = eventMetadataOf(event.occurredAt, MEETING_EVENT_SCHEMA_VERSION[event.type], provenance);
  return { id: randomUUID(), type: event.type, data: event.data, metadata: { ...metadata } };
}

/** A stored meeting event as the domain reads it; an unknown type or version throws UnknownEventError. */
export function toMeetingEvent(stored: StoredEvent): MeetingEvent {
  const metadata = stored.metadata as unknown as IssueEventMetadata;
  return upcastMeetingEvent({ type: stored.type, data: stored.data, occurredAt: metadata.occurredAt, schemaVersion: metadata.schemaVersion });
}
