import { transition, type SnapshotFrom } from 'xstate';
import { issueMachine } from './issueMachine';
import type { IssueEventType } from './issueEvents';
import { ISSUE_STATUSES, type IssueStatus, type MachineStatus } from './issueStatus';

type IssueSnapshot = SnapshotFrom<typeof issueMachine>;

// Snapshots are immutable and the machine has no context, so one per status serves every fold.
const snapshots = new Map<MachineStatus, IssueSnapshot>();

function snapshotAt(status: MachineStatus): IssueSnapshot {
  let snapshot = snapshots.get(status);
  if (!snapshot) {
    snapshot = issueMachine.resolveState({ value: status, context: {} });
    snapshots.set(status, snapshot);
  }
  return snapshot;
}

/** May an issue in `status` take this event? Asked of the machine, never of a hand-written table. */
export function canTake(status: MachineStatus, type: IssueEventType): boolean {
  return snapshotAt(status).can({ type });
}

// The machine has no context, so where an event leads depends on the status alone: asked once.
const afters = new Map<string, MachineStatus>();

/** The status after the event, by the machine's pure `transition` (no actor is started). */
export function statusAfter(status: MachineStatus, type: IssueEventType): MachineStatus {
  const key = `${status}:${type}`;
  let after = afters.get(key);
  if (after === undefined) {
    const [next] = transition(issueMachine, snapshotAt(status), { type });
    after = next.value as MachineStatus;
    afters.set(key, after);
  }
  return after;
}

// Where each event type leads from wherever the machine allows it (the same everywhere), or
// undefined for events that keep the status (assign, notes).
const targets = new Map<IssueEventType, IssueStatus | undefined>();

/**
 * The status an event leads to by the machine, even from a status where the machine would not
 * take it: history is applied as recorded, and judging it is the auditors' verify's business.
 * Events that keep the status (assign, notes) keep it.
 */
export function statusAfterFact(status: MachineStatus, type: IssueEventType): MachineStatus {
  if (canTake(status, type)) return statusAfter(status, type);
  if (!targets.has(type)) {
    const from = (['none', ...ISSUE_STATUSES] as const).find((candidate) => canTake(candidate, type) && statusAfter(candidate, type) !== candidate);
    targets.set(type, from === undefined ? undefined : (statusAfter(from, type) as IssueStatus));
  }
  return targets.get(type) ?? status;
}
