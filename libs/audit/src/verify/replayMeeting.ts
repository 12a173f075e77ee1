import type { StoredEvent } from '@app/event-store';
import { UnknownEventError } from '@app/lifecycle';
import { toMeetingEvent } from '@app/streams';
import { streamViolation } from './streamViolation';
import type { Violation } from './violation';

/**
 * A board meeting's stream holds only meeting events this code knows, MeetingScheduled first and
 * only there: minutes of a meeting never scheduled, or a second scheduling that would move it, are
 * what the API never writes.
 */
export function replayMeeting(streamId: string, events: readonly StoredEvent[]): Violation[] {
  const violations: Violation[] = [];
  for (const stored of events) {
    let type: string;
    try {
      type = toMeetingEvent(stored).type;
    } catch (error) {
      if (!(error instanceof UnknownEventError)) throw error;
      violations.push(streamViolation(streamId, stored.version, 'unknown-event', error.message));
      continue;
    }
    const first = stored.version === 1;
    if (first && type !== 'MeetingScheduled') {
      violations.push(streamViolation(streamId, stored.version, 'illegal-transition', `${type} before the meeting was scheduled: a meeting's stream starts with MeetingScheduled`));
    } else if (!first && type === 'MeetingScheduled') {
      violations.push(streamViolation(streamId, stored.version, 'illegal-transition', 'MeetingScheduled again: a meeting is scheduled once'));
    }
  }
  return violations;
}
