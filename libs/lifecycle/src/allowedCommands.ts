import { ISSUE_COMMAND_NAMES, type IssueCommandName } from './issueCommands';
import { EVENT_OF_COMMAND } from './issueEvents';
import type { MachineStatus } from './issueStatus';
import { canTake } from './machineQueries';

/** The commands the machine allows on an issue in `status`, by their contract path names. */
export function allowedCommands(status: MachineStatus): IssueCommandName[] {
  return ISSUE_COMMAND_NAMES.filter((command) => canTake(status, EVENT_OF_COMMAND[command]));
}
