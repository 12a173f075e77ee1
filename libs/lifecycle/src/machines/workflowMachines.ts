import type { AnyStateMachine } from 'xstate';
import type { WorkflowVersion } from '../issueEvents';
import { issueMachineV1 } from './issueMachineV1';
import { issueMachineV2 } from './issueMachineV2';

/** Every released machine, by the workflow version it decides: none is ever changed or dropped. */
export const WORKFLOW_MACHINES: Readonly<Record<WorkflowVersion, AnyStateMachine>> = {
  1: issueMachineV1,
  2: issueMachineV2,
};
