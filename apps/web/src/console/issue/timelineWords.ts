import type { TimelineStep } from '../../shared/contract';
import { roleLabel } from '../../shared/labels';

/*
 * The issue page's timeline in words: who did each step (a name and a role in words, the
 * system and the resident included) and the steps oldest first, newest last. Pure.
 */

const OTHER_ROLES: Readonly<Record<string, string>> = { system: 'System', resident: 'Resident' };

/** `Maya Patel (Area manager)`; the role alone when no name was recorded. */
export function actorWords(actor: TimelineStep['actor']): string {
  const role = OTHER_ROLES[actor.role] ?? roleLabel(actor.role);
  const name = actor.name?.trim();
  return name && name !== '' && name !== role ? `${name} (${role})` : role;
}

/** The steps by version, oldest first. */
export const inOrder = (steps: readonly TimelineStep[]): TimelineStep[] => [...steps].sort((a, b) => a.version - b.version);
