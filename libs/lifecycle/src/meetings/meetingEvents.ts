import { type RecordedFact, UnknownEventError } from '../upcast';

/** Facts of a board meeting's own stream (`meeting-<id>`), in the past tense like the issue events. */
interface MeetingFact<T extends string, D> {
  readonly type: T;
  readonly data: D;
  /** When it was recorded by staff (ISO 8601); the store adds its own `recordedAt`. */
  readonly occurredAt: string;
}

/** An area board meeting was arranged: the first event of its stream. */
export type MeetingScheduled = MeetingFact<'MeetingScheduled', { readonly areaId: string; readonly date: string; readonly venue: string }>;

/** The board's minutes were published; a later publication replaces them whole. */
export type MinutesPublished = MeetingFact<'MinutesPublished', { readonly text: string }>;

export type MeetingEvent = MeetingScheduled | MinutesPublished;
export type MeetingEventType = MeetingEvent['type'];

/** The schema version each meeting event is written with today (see EVENT_SCHEMA_VERSION for issues). */
export const MEETING_EVENT_SCHEMA_VERSION: Record<MeetingEventType, number> = {
  MeetingScheduled: 1,
  MinutesPublished: 1,
};

export function isMeetingEventType(type: string): type is MeetingEventType {
  return Object.hasOwn(MEETING_EVENT_SCHEMA_VERSION, type);
}

/** A stored meeting event as today's shape. Every one is still at version 1: no upcasters yet. */
export function upcastMeetingEvent(fact: RecordedFact): MeetingEvent {
  const { type, data, occurredAt, schemaVersion } = fact;
  if (!isMeetingEventType(type)) throw new UnknownEventError(`unknown meeting event type ${type}`);
  const current = MEETING_EVENT_SCHEMA_VERSION[type];
  if (schemaVersion !== current) {
    throw new UnknownEventError(`${type} v${schemaVersion} is not a version this code reads (v${current})`);
  }
  return { type, data, occurredAt } as MeetingEvent;
}
