import { type DeadlineMissed, type IssueEscalated, type IssueEvent, type IssueState, SYSTEM_ACTOR } from '@app/lifecycle';

/** What a replay remembers to judge the system's events: the deadlines already recorded missed, and the event before. */
export interface SystemEventsSeen {
  /** `<kind>/<cycle>` of every DeadlineMissed taken so far. */
  readonly missed: Set<string>;
  previous: IssueEvent | null;
}

const deadlineOf = (event: DeadlineMissed | IssueEscalated) => `${event.data.kind}/${event.data.cycle}`;

/**
 * The system's own events (DeadlineMissed, IssueEscalated) are recorded by the system and no
 * one else, once per deadline (kind and cycle), under the policy version the issue keeps, and
 * each escalation straight after the missed deadline it escalates (the scheduler appends the
 * pair at once). Returns what is wrong, in words, or null. Records a DeadlineMissed taken.
 */
export function checkSystemEvent(event: DeadlineMissed | IssueEscalated, metadata: Record<string, unknown>, state: IssueState, seen: SystemEventsSeen): string | null {
  const actor = metadata.actor as { id?: unknown; role?: unknown } | undefined;
  if (actor?.id !== SYSTEM_ACTOR.id || actor?.role !== SYSTEM_ACTOR.role) {
    return `${event.type} must be recorded by the system, but names ${describeActor(actor)}`;
  }
  const deadline = deadlineOf(event);
  if (event.type === 'DeadlineMissed') {
    if (seen.missed.has(deadline)) return `DeadlineMissed for the ${event.data.kind} deadline of cycle ${event.data.cycle} was already recorded`;
    const keeps = state.status === 'none' ? null : state.policyVersion;
    if (event.data.policyVersion !== keeps) {
      return `DeadlineMissed names service-level policy ${String(event.data.policyVersion)}, but the issue keeps ${keeps === null ? 'none (it has no deadlines)' : keeps}`;
    }
    seen.missed.add(deadline);
    return null;
  }
  const previous = seen.previous;
  if (previous?.type !== 'DeadlineMissed' || deadlineOf(previous) !== deadline) {
    return `IssueEscalated for the ${event.data.kind} deadline of cycle ${event.data.cycle} does not follow its DeadlineMissed`;
  }
  return null;
}

function describeActor(actor: { id?: unknown; role?: unknown } | undefined): string {
  return actor === undefined || actor === null ? 'no actor' : `${String(actor.id)} (${String(actor.role)})`;
}
