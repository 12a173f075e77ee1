import type { StoredEvent } from '@app/event-store';

/**
 * The events of one stream the system knew at an instant: those recorded at or before it. By
 * `recordedAt`, the store's own clock, never by `occurredAt`, which a caller may date back: an
 * event recorded today about last month was not known last month. The store keeps `recordedAt`
 * increasing within a stream; should an old stream disagree (clocks of two processes), the
 * answer is still a prefix of the stream, since a later version cannot have been known first.
 */
export function eventsRecordedBy<E extends Pick<StoredEvent, 'recordedAt'>>(streamEvents: readonly E[], at: Date): E[] {
  const limit = at.getTime();
  const firstUnknown = streamEvents.findIndex((event) => Date.parse(event.recordedAt) > limit);
  return firstUnknown === -1 ? [...streamEvents] : streamEvents.slice(0, firstUnknown);
}
