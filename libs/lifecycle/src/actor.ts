export const ROLES = ['areaManager', 'boardChair', 'officer', 'auditor', 'viewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The `areas` claim value that means "every area". */
export const ALL_AREAS = '*';

/** Who is asking: a signed-in member of staff, or an anonymous resident. */
export type Actor =
  | { readonly kind: 'staff'; readonly id: string; readonly role: Role; readonly areas: readonly string[]; readonly name?: string }
  | { readonly kind: 'anonymous' };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

/** How an actor is written into event metadata: who did it, in what capacity. */
export interface ActorRef {
  readonly id: string;
  readonly role: Role | 'resident' | 'system';
}

/** Who records what nobody asked for: a deadline missed, an escalation. */
export const SYSTEM_ACTOR: ActorRef = { id: 'system', role: 'system' };

export function actorRef(actor: Actor): ActorRef {
  return actor.kind === 'staff' ? { id: actor.id, role: actor.role } : { id: 'anonymous', role: 'resident' };
}

/** Admins serve every area; other staff only those in their `areas` claim. */
export function servesArea(actor: Actor, areaId: string): boolean {
  if (actor.kind !== 'staff') return false;
  return actor.role === 'admin' || actor.areas.includes(ALL_AREAS) || actor.areas.includes(areaId);
}
