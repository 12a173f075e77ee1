import type { StoredEvent } from '@app/event-store';
import {
  canTake,
  evolve,
  type IssueEvent,
  type IssueState,
  isWorkflowVersion,
  NO_ISSUE,
  UnknownEventError,
  WORKFLOW_VERSIONS,
  type WorkflowVersion,
} from '@app/lifecycle';
import { type IssueEventMetadata, toIssueEvent } from '@app/streams';
import { checkSystemEvent, type SystemEventsSeen } from './checkSystemEvents';
import { streamViolation } from './streamViolation';
import type { Violation } from './violation';

const describeStatus = (state: IssueState) => (state.status === 'none' ? 'before the issue was logged' : `in status ${state.status}`);

/**
 * Replays an issue's stream, judging each event by the machine of the workflow version it was
 * written under (its metadata's `workflowVersion`), asking that machine (never a table of our
 * own) whether it could be taken where the issue stood. An event is written under the version
 * the issue was at, except WorkflowUpgraded, written under the one it moves to. An event found
 * wrong is reported and left out of the fold, so the events after it are judged against the
 * legal history.
 */
export function replayIssue(streamId: string, events: readonly StoredEvent[]): Violation[] {
  const violations: Violation[] = [];
  const seen: SystemEventsSeen = { missed: new Set(), previous: null };
  let state: IssueState = NO_ISSUE;
  for (const stored of events) {
    const refuse = (kind: Violation['kind'], detail: string) => violations.push(streamViolation(streamId, stored.version, kind, detail));
    // Events stored before workflow versions were recorded were all decided under version 1.
    const writtenUnder = (stored.metadata as Partial<IssueEventMetadata>).workflowVersion ?? 1;
    if (!isWorkflowVersion(writtenUnder)) {
      refuse('unknown-event', `${stored.type} was written under workflow version ${String(writtenUnder)}, which this code does not know (it knows ${WORKFLOW_VERSIONS.join(', ')})`);
      continue;
    }
    let event: IssueEvent;
    try {
      event = toIssueEvent(stored);
    } catch (error) {
      if (!(error instanceof UnknownEventError)) throw error;
      refuse('unknown-event', error.message);
      continue;
    }
    const problem = versionProblem(state, event, writtenUnder);
    if (problem !== null) {
      refuse(problem.kind, problem.detail);
      continue;
    }
    if (!canTake(writtenUnder, state, event.type)) {
      refuse('illegal-transition', `workflow version ${writtenUnder} would refuse ${event.type} ${describeStatus(state)}`);
      continue;
    }
    if (event.type === 'DeadlineMissed' || event.type === 'IssueEscalated') {
      const wrong = checkSystemEvent(event, stored.metadata, state, seen);
      if (wrong !== null) {
        refuse('illegal-transition', wrong);
        continue;
      }
    }
    seen.previous = event;
    state = evolve(state, event);
  }
  return violations;
}

interface VersionProblem {
  readonly kind: Violation['kind'];
  readonly detail: string;
}

/**
 * Whether the event was written under the version the stream was at: the one its IssueLogged
 * names, then each WorkflowUpgraded's `to`. An upgrade is written under the version it moves to,
 * from the stream's own, and only forward.
 */
function versionProblem(state: IssueState, event: IssueEvent, writtenUnder: WorkflowVersion): VersionProblem | null {
  if (event.type === 'IssueLogged') {
    const named = event.data.workflowVersion;
    if (!isWorkflowVersion(named)) {
      return { kind: 'unknown-event', detail: `IssueLogged names workflow version ${String(named)}, which this code does not know (it knows ${WORKFLOW_VERSIONS.join(', ')})` };
    }
    if (state.status === 'none' && named !== writtenUnder) {
      return { kind: 'illegal-transition', detail: `IssueLogged names workflow version ${named} but was written under version ${writtenUnder}` };
    }
    return null;
  }
  if (state.status === 'none') return null; // No version yet: the machine refuses anything but IssueLogged.
  const at = state.workflowVersion;
  if (event.type === 'WorkflowUpgraded') {
    const { from, to } = event.data;
    if (from !== at || to !== writtenUnder || !(to > from)) {
      return {
        kind: 'illegal-transition',
        detail: `WorkflowUpgraded from ${String(from)} to ${String(to)}, written under version ${writtenUnder}, does not move the issue forward from version ${at} (the stream's)`,
      };
    }
    return null;
  }
  if (writtenUnder !== at) {
    return {
      kind: 'illegal-transition',
      detail: `${event.type} was written under workflow version ${writtenUnder}, but the issue was at version ${at} (no WorkflowUpgraded moved it)`,
    };
  }
  return null;
}
