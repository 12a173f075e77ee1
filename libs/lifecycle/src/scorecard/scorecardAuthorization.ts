import { type Actor, type Role, servesArea } from '../actor';
import type { AuthorizationError } from '../authorization';
import type { ScorecardCommandName } from './scorecardCommands';

/** Who may run each scorecard command (the contract's "Area scorecards"). `admin` may do anything. */
export const SCORECARD_COMMAND_ROLES: Record<ScorecardCommandName, readonly Role[]> = {
  'choose-scorecard': ['areaManager'],
  'record-figure': ['officer', 'areaManager'],
};

const WHAT: Record<ScorecardCommandName, string> = {
  'choose-scorecard': "choose an area's scorecard",
  'record-figure': "record an area's scorecard figures",
};

/** May this actor run this command on the scorecard of `areaId`? Staff act only in the areas they serve. */
export function authorizeScorecard(actor: Actor, command: ScorecardCommandName, areaId: string): AuthorizationError | null {
  if (actor.kind !== 'staff') return { kind: 'unauthenticated', message: `sign in to ${WHAT[command]}` };
  if (actor.role !== 'admin' && !SCORECARD_COMMAND_ROLES[command].includes(actor.role)) {
    return { kind: 'forbidden', message: `role ${actor.role} may not ${WHAT[command]}` };
  }
  if (!servesArea(actor, areaId)) return { kind: 'forbidden', message: `you do not serve area ${areaId}` };
  return null;
}
