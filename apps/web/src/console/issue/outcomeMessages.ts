import type { CommandName, IssueStatus } from '../../shared/contract';
import { COMMAND_LABELS, statusLabel } from '../../shared/labels';

/*
 * What the console says when a step is recorded, when someone else moved the issue first (409),
 * and when the step is not allowed now (422), in plain words. Pure.
 */

export const recordedMessage = (command: CommandName, status: IssueStatus): string => `Recorded: ${COMMAND_LABELS[command]}. The issue is now ${statusLabel(status)}.`;

export const conflictMessage = (version: number, status: IssueStatus): string =>
  `Someone else changed this issue while you had it open (it is now at version ${version}, ${statusLabel(status)}). It has been reloaded: check the timeline, then submit again.`;

/** A 422: the issue's status, and the steps it allows now that this user may take. */
export function notAllowedMessage(status: string, allowedNow: readonly CommandName[]): string {
  const steps = allowedNow.length === 0 ? 'none that you may take' : allowedNow.map((command) => COMMAND_LABELS[command]).join(', ');
  return `This step is not allowed now: the issue is ${statusLabel(status)}. Steps allowed now: ${steps}.`;
}
