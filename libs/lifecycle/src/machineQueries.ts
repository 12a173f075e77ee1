import { type AnyMachineSnapshot, transition } from 'xstate';
import type { IssueEventType, WorkflowVersion } from './issueEvents';
import { ASKING_STATUSES, type AskingStatus, ISSUE_STATUSES, type IssueStatus, type MachineStatus } from './issueStatus';
import { LATEST_WORKFLOW_VERSION } from './issueEvents';
import { WORKFLOW_MACHINES } from './machines/workflowMachines';

/**
 * Where an issue is in its machine: its status, and for `awaitingResident` the status it left
 * (the machine's child state), since that is where a reply leads.
 */
export interface MachinePlace {
  readonly status: MachineStatus;
  readonly resumeStatus?: AskingStatus | null;
}

type Snapshot = AnyMachineSnapshot;

const keyOf = (version: WorkflowVersion, place: MachinePlace) =>
  `${version}:${place.status}${place.status === 'awaitingResident' ? `.${place.resumeStatus ?? 'logged'}` : ''}`;

function valueOf(place: MachinePlace): string | Record<string, string> {
  return place.status === 'awaitingResident' ? { awaitingResident: place.resumeStatus ?? 'logged' } : place.status;
}

function placeOf(value: unknown): MachinePlace {
  if (typeof value === 'string') return { status: value as MachineStatus, resumeStatus: null };
  const [[status, child]] = Object.entries(value as Record<string, string>);
  return { status: status as MachineStatus, resumeStatus: child as AskingStatus };
}

// Snapshots are immutable and the machines have no context, so one per place serves every fold.
const snapshots = new Map<string, Snapshot | null>();

/** The machine's snapshot at a place, or null where that version has no such state (v1 never awaits). */
function snapshotAt(version: WorkflowVersion, place: MachinePlace): Snapshot | null {
  const key = keyOf(version, place);
  if (!snapshots.has(key)) {
    const machine = WORKFLOW_MACHINES[version];
    let snapshot: Snapshot | null = null;
    if (place.status === 'none' || machine.root.states[place.status] !== undefined) {
      snapshot = machine.resolveState({ value: valueOf(place), context: {} }) as Snapshot;
    }
    snapshots.set(key, snapshot);
  }
  return snapshots.get(key)!;
}

/** May an issue at this place take this event under this workflow version? Asked of the machine, never of a hand-written table. */
export function canTake(version: WorkflowVersion, place: MachinePlace, type: IssueEventType): boolean {
  const snapshot = snapshotAt(version, place);
  return snapshot !== null && snapshot.can({ type });
}

// The machines have no context, so where an event leads depends on the place alone: asked once.
const afters = new Map<string, MachinePlace>();

/** The place after the event, by the machine's pure `transition` (no actor is started). */
export function placeAfter(version: WorkflowVersion, place: MachinePlace, type: IssueEventType): MachinePlace {
  const key = `${keyOf(version, place)}:${type}`;
  let after = afters.get(key);
  if (after === undefined) {
    const [next] = transition(WORKFLOW_MACHINES[version], snapshotAt(version, place)!, { type });
    after = placeOf(next.value);
    afters.set(key, after);
  }
  return after;
}

/**
 * The place an event leads to, even from one where the machine would not take it: history is
 * applied as recorded, and judging it is the auditors' verify's business. The newest machine
 * says where an event leads from wherever it is allowed; events that keep the status keep it.
 * A reply leads back to the status left (or to `logged` when the stream never said).
 */
export function placeAfterFact(version: WorkflowVersion, place: MachinePlace, type: IssueEventType): MachinePlace {
  if (canTake(version, place, type)) return placeAfter(version, place, type);
  if (type === 'ResidentReplied') return { status: place.status === 'awaitingResident' ? (place.resumeStatus ?? 'logged') : place.status, resumeStatus: null };
  if (type === 'ResidentAsked') {
    const left = (ASKING_STATUSES as readonly string[]).includes(place.status) ? (place.status as AskingStatus) : 'logged';
    return { status: 'awaitingResident', resumeStatus: left };
  }
  const target = targetOf(type);
  return target === undefined ? place : { status: target, resumeStatus: null };
}

// Where each event type leads in the newest machine from wherever it moves the status, or
// undefined for events that keep the status (assign, notes, the system's).
const targets = new Map<IssueEventType, IssueStatus | undefined>();

function targetOf(type: IssueEventType): IssueStatus | undefined {
  if (!targets.has(type)) {
    const places: MachinePlace[] = [{ status: 'none' }, ...ISSUE_STATUSES.filter((status) => status !== 'awaitingResident').map((status) => ({ status }))];
    const from = places.find((place) => canTake(LATEST_WORKFLOW_VERSION, place, type) && placeAfter(LATEST_WORKFLOW_VERSION, place, type).status !== place.status);
    targets.set(type, from === undefined ? undefined : (placeAfter(LATEST_WORKFLOW_VERSION, from, type).status as IssueStatus));
  }
  return targets.get(type);
}

/** The status after an event for a reader that keeps only the status (the public tracker). */
export function statusAfterFact(status: MachineStatus, type: IssueEventType, resumeStatus: AskingStatus | null = null): MachineStatus {
  return placeAfterFact(LATEST_WORKFLOW_VERSION, { status, resumeStatus }, type).status;
}
