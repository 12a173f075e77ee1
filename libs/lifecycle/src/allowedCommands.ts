import { ISSUE_COMMAND_NAMES, type IssueCommandName } from './issueCommands';
import { EVENT_OF_COMMAND, LATEST_WORKFLOW_VERSION, type WorkflowVersion } from './issueEvents';
import { canTake, type MachinePlace } from './machineQueries';

/**
 * The commands the machine of the issue's workflow version allows where the issue is, by their
 * contract path names (the newest version's, for an issue not yet logged).
 */
export function allowedCommands(place: MachinePlace & { readonly workflowVersion?: WorkflowVersion }): IssueCommandName[] {
  const version = place.workflowVersion ?? LATEST_WORKFLOW_VERSION;
  return ISSUE_COMMAND_NAMES.filter((command) => canTake(version, place, EVENT_OF_COMMAND[command]));
}
