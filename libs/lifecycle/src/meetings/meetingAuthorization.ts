import { type Actor, type Role, servesArea } from '../actor';
import type { AuthorizationError } from '../authorization';
import type { MeetingCommandName } from './meetingCommands';

/** Who may run each meeting command (the contract's "Board meetings"). `admin` may do anything. */
export const MEETING_COMMAND_ROLES: Record<MeetingCommandName, readonly Role[]> = {
  'schedule-meeting': ['areaManager', 'boardChair'],
  'publish-minutes': ['boardChair'],
};

const WHAT: Record<MeetingCommandName, string> = {
  'schedule-meeting': 'schedule a board meeting',
  'publish-minutes': "publish a board meeting's minutes",
};

/** May this actor run this command on a meeting of `areaId`? Staff act only in the areas they serve. */
export function authorizeMeeting(actor: Actor, command: MeetingCommandName, areaId: string): AuthorizationError | null {
  if (actor.kind !== 'staff') return { kind: 'unauthenticated', message: `sign in to ${WHAT[command]}` };
  if (actor.role !== 'admin' && !MEETING_COMMAND_ROLES[command].includes(actor.role)) {
    return { kind: 'forbidden', message: `role ${actor.role} may not ${WHAT[command]}` };
  }
  if (!servesArea(actor, areaId)) return { kind: 'forbidden', message: `you do not serve area ${areaId}` };
  return null;
}
