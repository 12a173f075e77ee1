import type { IssueEvent } from './issueEvents';
import type { MachineStatus } from './issueStatus';

/**
 * Whether a resident sees this step of an issue on the public tracker: every change of status
 * (its logging included), and a note its author made public; nothing else (an assignment, an
 * internal note, a missed deadline). The tracker's projection and the staff timeline's `public`
 * flag both ask here, so the console never promises a resident sees what the tracker hides.
 */
export function isPublicStep(statusBefore: MachineStatus, statusAfter: MachineStatus, event: IssueEvent): boolean {
  return statusAfter !== statusBefore || (event.type === 'NoteAdded' && event.data.public === true);
}
