import { transition, type SnapshotFrom } from 'xstate';
import { issueMachine } from './issueMachine';
import type { IssueEventType } from './issueEvents';
import type { MachineStatus } from './issueStatus';

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

/** The status after the event, by the machine's pure `transition` (no actor is started). */
export function statusAfter(status: MachineStatus, type: IssueEventType): MachineStatus {
  const [next] = transition(issueMachine, snapshotAt(status), { type });
  return next.value as MachineStatus;
}
