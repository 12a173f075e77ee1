import { isSealed, type StoredEvent, type StreamHeadRecord } from '@app/event-store';
import { streamViolation } from './streamViolation';
import type { Violation } from './violation';

/**
 * A stream's head row against its events: the same version and last hash, and a seal this
 * server made. The seal is what tells a stream whose last events were deleted, with the head
 * row rewritten to match, from a whole one: nobody without the audit key can seal a head.
 */
export function checkHead(streamId: string, head: StreamHeadRecord | null, events: readonly StoredEvent[], sealKey: Buffer | undefined): Violation[] {
  const last = events.at(-1);
  const lastVersion = last?.version ?? 0;
  if (!head) {
    return [streamViolation(streamId, null, 'version-gap', `the stream has ${events.length} event(s) but no head row: its head was deleted`)];
  }
  const violations: Violation[] = [];
  if (head.version > lastVersion) {
    const detail =
      head.version === lastVersion + 1 ? `event ${head.version} is missing at the end` : `events ${lastVersion + 1} to ${head.version} are missing at the end`;
    violations.push(streamViolation(streamId, lastVersion + 1, 'version-gap', `${detail}: the head row says version ${head.version}`));
  } else if (head.version < lastVersion) {
    violations.push(
      streamViolation(streamId, head.version + 1, 'version-gap', `events after version ${head.version} (up to ${lastVersion}) are beyond the head row: written outside the store`),
    );
  } else if (last && head.lastHash !== last.hash) {
    violations.push(streamViolation(streamId, head.version, 'hash-mismatch', `the head row's last hash is not the hash of event ${head.version}`));
  }
  if (sealKey && head.version > 0 && !isSealed(sealKey, head, head.seal)) {
    violations.push(
      streamViolation(
        streamId,
        head.version,
        'version-gap',
        `the head row (version ${head.version}) is not sealed by this server: it was rewritten outside the store, so events are missing at the end (or were added there)`,
      ),
    );
  }
  return violations;
}
