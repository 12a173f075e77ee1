import { type Actor, type Role, ROLES, servesArea } from './actor';
import type { CommandName, IssueCommand } from './issueCommands';

/** Who may run each command (the contract's roles column). `admin` may do anything any role may. */
export const COMMAND_ROLES: Record<CommandName, readonly Role[]> = {
  log: ROLES,
  refer: ['areaManager'],
  'board-review': ['areaManager'],
  roundtable: ['boardChair'],
  resolve: ['areaManager', 'boardChair', 'officer'],
  'feed-back': ['areaManager'],
  reopen: ['areaManager'],
  withdraw: ['areaManager'],
  assign: ['areaManager', 'boardChair'],
  notes: ['areaManager', 'boardChair', 'officer'],
  // No role but admin (who may do anything): erasure is the data controller's decision.
  'erase-personal-data': [],
  'await-resident': ['areaManager', 'officer'],
  'resident-replied': ['areaManager', 'officer'],
  // Admin only: moving an issue to new rules is the council's decision, not a workflow step.
  'upgrade-workflow': [],
  // Staff record what the resident said by phone or letter; the resident answers by link (authorize).
  'record-confirmation': ['areaManager'],
};

export type AuthorizationError =
  | { readonly kind: 'unauthenticated'; readonly message: string }
  | { readonly kind: 'forbidden'; readonly message: string };

/**
 * May this actor run this command on an issue of `areaId`? Anonymous residents may only raise
 * issues online; staff act only in the areas they serve and only in their role's commands.
 */
export function authorize(actor: Actor, command: IssueCommand, areaId: string): AuthorizationError | null {
  // A resident holding a signed link (checked at the edge) may only answer the outcome, on that issue.
  if (actor.kind === 'resident') {
    if (command.type === 'record-confirmation') return null;
    return { kind: 'forbidden', message: `a resident's link may not ${command.type} an issue` };
  }
  if (actor.kind === 'anonymous') {
    if (command.type === 'log' && command.data.channel === 'online') return null;
    return {
      kind: 'unauthenticated',
      message:
        command.type === 'log'
          ? `sign in to log an issue received by ${command.data.channel}; anonymous residents may raise issues online only`
          : `sign in to ${command.type} an issue`,
    };
  }
  if (actor.role !== 'admin' && !COMMAND_ROLES[command.type].includes(actor.role)) {
    return { kind: 'forbidden', message: `role ${actor.role} may not ${command.type} an issue` };
  }
  if (!servesArea(actor, areaId)) {
    return { kind: 'forbidden', message: `you do not serve area ${areaId}` };
  }
  return null;
}
