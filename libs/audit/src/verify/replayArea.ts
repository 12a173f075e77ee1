import type { StoredEvent } from '@app/event-store';
import { UnknownEventError } from '@app/lifecycle';
import { toAreaEvent } from '@app/streams';
import { streamViolation } from './streamViolation';
import type { Violation } from './violation';

/** An area's stream (its scorecard) holds only area events this code knows. */
export function replayArea(streamId: string, events: readonly StoredEvent[]): Violation[] {
  const violations: Violation[] = [];
  for (const stored of events) {
    try {
      toAreaEvent(stored);
    } catch (error) {
      if (!(error instanceof UnknownEventError)) throw error;
      violations.push(streamViolation(streamId, stored.version, 'unknown-event', error.message));
    }
  }
  return violations;
}
