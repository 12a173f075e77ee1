import type { Actor } from '../actor';
import type { AuthorizationError } from '../authorization';
import { err, ok, type Result } from '../result';
import type { MeetingState } from './evolveMeeting';
import { authorizeMeeting } from './meetingAuthorization';
import type { MeetingCommand } from './meetingCommands';
import type { MeetingEvent } from './meetingEvents';
import { checkMinutes, checkSchedule, type Problems } from './meetingRules';

export interface MeetingDecisionContext {
  readonly actor: Actor;
  /** The injected clock's reading: the domain never reads the time itself. */
  readonly now: Date;
}

export type MeetingDecisionError =
  | AuthorizationError
  /** Minutes of a meeting nobody scheduled. */
  | { readonly kind: 'no-such-meeting' }
  /** A meeting's stream is scheduled once: a second MeetingScheduled would move it. */
  | { readonly kind: 'meeting-exists' }
  | { readonly kind: 'invalid-meeting'; readonly problems: Problems };

/**
 * May this actor do this to this meeting, and which event results? Checks run in the order a
 * caller can act on them, as `decide` does for issues: the meeting, permission, then the content.
 * Whether the area exists is the caller's question: the domain holds no list of areas.
 */
export function decideMeeting(state: MeetingState, command: MeetingCommand, context: MeetingDecisionContext): Result<MeetingEvent[], MeetingDecisionError> {
  const occurredAt = recordedAt(context.now, state.updatedAt);
  switch (command.type) {
    case 'schedule-meeting': {
      const denied = authorizeMeeting(context.actor, command.type, command.areaId);
      if (denied) return err(denied);
      if (state.version > 0) return err({ kind: 'meeting-exists' });
      const checked = checkSchedule(command.areaId, command.data);
      if (!checked.ok) return err({ kind: 'invalid-meeting', problems: checked.error });
      return ok([{ type: 'MeetingScheduled', occurredAt, data: checked.value }]);
    }
    case 'publish-minutes': {
      if (state.areaId === null) return err({ kind: 'no-such-meeting' });
      const denied = authorizeMeeting(context.actor, command.type, state.areaId);
      if (denied) return err(denied);
      // For any meeting, past or future: a board may publish minutes late, or correct them.
      const checked = checkMinutes(command.data);
      if (!checked.ok) return err({ kind: 'invalid-meeting', problems: checked.error });
      return ok([{ type: 'MinutesPublished', occurredAt, data: checked.value }]);
    }
  }
}

/** Clocks of several processes may disagree by a little: the stream must still read in order. */
const recordedAt = (now: Date, previous: string | null): string =>
  new Date(Math.max(now.getTime(), previous === null ? -Infinity : Date.parse(previous))).toISOString();
