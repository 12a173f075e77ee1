import { hashEvent, type StoredEvent } from '@app/event-store';
import { streamViolation } from './streamViolation';
import type { Violation } from './violation';

/**
 * One stream's events against its hash chain: versions 1, 2, 3... without a gap, each event's
 * hash recomputed from what is stored, and each `prevHash` equal to the previous event's hash.
 * `events` are in version order.
 */
export function checkChain(streamId: string, events: readonly StoredEvent[]): Violation[] {
  const violations: Violation[] = [];
  let previous: StoredEvent | null = null;
  for (const event of events) {
    const expected = (previous?.version ?? 0) + 1;
    const gap = event.version !== expected;
    if (gap) {
      const missing = event.version - expected;
      violations.push(
        streamViolation(
          streamId,
          expected,
          'version-gap',
          missing > 0
            ? `event${missing > 1 ? `s ${expected} to ${event.version - 1} are` : ` ${expected} is`} missing: the next stored event is version ${event.version}`
            : `an event numbered ${event.version} follows version ${expected - 1}: it was written outside the store`,
        ),
      );
    }
    const recomputed = hashEvent(event);
    if (recomputed !== event.hash) {
      violations.push(
        streamViolation(streamId, event.version, 'hash-mismatch', `its stored hash does not match its content: its type, data, metadata or recordedAt were changed (${event.type})`),
      );
    } else if (!gap && event.prevHash !== (previous?.hash ?? null)) {
      violations.push(
        streamViolation(
          streamId,
          event.version,
          'hash-mismatch',
          previous ? `its prevHash is not the hash of event ${previous.version}: the chain was rewritten` : 'the first event names a previous hash',
        ),
      );
    }
    previous = event;
  }
  return violations;
}
