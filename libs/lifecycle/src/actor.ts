export const ROLES = ['areaManager', 'boardChair', 'officer', 'auditor', 'viewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The `areas` claim value that means "every area". */
export const ALL_AREAS = '*';

/** Who is asking: a signed-in member of staff, or an anonymous resident. */
export type Actor =
  | { readonly kind: 'staff'; readonly id: string; readonly role: Role; readonly areas: readonly string[]; readonly name?: string }
  | { readonly kind: 'anonymous' }
  /** The resident who raised the issue, proven by a signed link in a message sent to them. */
  | { readonly kind: 'resident' };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

/** How an actor is written into event metadata: who did it, in what capacity, and the name their token gave, if any. */
export interface ActorRef {
  readonly id: string;
  readonly role: Role | 'resident' | 'system';
  /** The staff member's name as their token said when they acted: a later change of name rewrites no history. */
  readonly name?: string;
}

/** Who records what nobody asked for: a deadline missed, an escalation. */
export const SYSTEM_ACTOR: ActorRef = { id: 'system', role: 'system' };

/** The resident answering by a signed link: the contract's actor for OutcomeConfirmed and OutcomeDisputed. */
export const RESIDENT: Actor = { kind: 'resident' };

export function actorRef(actor: Actor): ActorRef {
  if (actor.kind === 'resident') return { id: 'resident', role: 'resident' };
  if (actor.kind !== 'staff') return { id: 'anonymous', role: 'resident' };
  return { id: actor.id, role: actor.role, ...(actor.name !== undefined && { name: actor.name }) };
}

/** Admins serve every area; other staff only those in their `areas` claim. */
export function servesArea(actor: Actor, areaId: string): boolean {
  if (actor.kind !== 'staff') return false;
  return actor.role === 'admin' || actor.areas.includes(ALL_AREAS) || actor.areas.includes(areaId);
}
