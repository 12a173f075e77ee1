import type { StoredEvent } from '@app/event-store';
import { canTake, evolve, type IssueState, NO_ISSUE, UnknownEventError, WORKFLOW_VERSION } from '@app/lifecycle';
import { type IssueEventMetadata, toIssueEvent } from '@app/streams';
import { streamViolation } from './streamViolation';
import type { Violation } from './violation';

const describeStatus = (state: IssueState) => (state.status === 'none' ? 'before the issue was logged' : `in status ${state.status}`);

/**
 * Replays an issue's stream through the lifecycle machine, asking it (never a table of our own)
 * whether each event could be taken where the issue stood. An event it would refuse is reported
 * and left out of the fold, so the events after it are judged against the legal history.
 */
export function replayIssue(streamId: string, events: readonly StoredEvent[]): Violation[] {
  const violations: Violation[] = [];
  let state: IssueState = NO_ISSUE;
  for (const stored of events) {
    const workflowVersion = (stored.metadata as Partial<IssueEventMetadata>).workflowVersion ?? 1;
    if (workflowVersion > WORKFLOW_VERSION) {
      violations.push(
        streamViolation(streamId, stored.version, 'unknown-event', `${stored.type} was written under workflow version ${workflowVersion}, newer than this code knows (${WORKFLOW_VERSION})`),
      );
      continue;
    }
    let event;
    try {
      event = toIssueEvent(stored);
    } catch (error) {
      if (!(error instanceof UnknownEventError)) throw error;
      violations.push(streamViolation(streamId, stored.version, 'unknown-event', error.message));
      continue;
    }
    if (!canTake(state.status, event.type)) {
      violations.push(
        streamViolation(streamId, stored.version, 'illegal-transition', `the lifecycle would refuse ${event.type} ${describeStatus(state)}`),
      );
      continue;
    }
    state = evolve(state, event);
  }
  return violations;
}
