import type { MeetingEvent } from './meetingEvents';

/** The minutes as last published. */
export interface MeetingMinutes {
  readonly text: string;
  /** `occurredAt` of the MinutesPublished that holds them. */
  readonly publishedAt: string;
}

/** What the fold of a meeting's stream knows. Everything is null until the meeting is scheduled. */
export interface MeetingState {
  /** The number of events in the meeting's stream; 0: no such meeting. */
  readonly version: number;
  readonly areaId: string | null;
  /** As stored: a bare date, or a date-time in UTC. */
  readonly date: string | null;
  readonly venue: string | null;
  readonly minutes: MeetingMinutes | null;
  /** `occurredAt` of the latest event: a new one never claims to have happened before it. */
  readonly updatedAt: string | null;
}

export const NO_MEETING: MeetingState = { version: 0, areaId: null, date: null, venue: null, minutes: null, updatedAt: null };

/** Fold one meeting event into the state. */
export function evolveMeeting(state: MeetingState, event: MeetingEvent): MeetingState {
  const next = { ...state, version: state.version + 1, updatedAt: event.occurredAt };
  switch (event.type) {
    case 'MeetingScheduled':
      return { ...next, areaId: event.data.areaId, date: event.data.date, venue: event.data.venue };
    case 'MinutesPublished':
      return { ...next, minutes: { text: event.data.text, publishedAt: event.occurredAt } };
  }
}

/** A meeting is the fold of its stream's events, from nothing. */
export function foldMeeting(events: Iterable<MeetingEvent>, from: MeetingState = NO_MEETING): MeetingState {
  let state = from;
  for (const event of events) state = evolveMeeting(state, event);
  return state;
}
