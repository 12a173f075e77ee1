import type { StoredEvent } from '@app/event-store';
import { POLICY_ADOPTED, SERVICE_LEVELS_STREAM } from '@app/service-levels';
import { streamViolation } from './streamViolation';
import type { Violation } from './violation';

// The schema version libs/service-levels writes ServiceLevelPolicyAdopted with (and reads up to).
const POLICY_ADOPTED_SCHEMA_VERSION = 1;

export const isServiceLevelsStream = (streamId: string) => streamId === SERVICE_LEVELS_STREAM;

/**
 * The service-levels stream holds only ServiceLevelPolicyAdopted events this code can read, one
 * per policy version: a version is adopted once and never changed (a changed policy gets a new
 * version), so a second adoption of a version would let two rules judge the same issues.
 * It has no machine to replay: its chain and head are checked like any stream's.
 */
export function replayServiceLevels(streamId: string, events: readonly StoredEvent[]): Violation[] {
  const violations: Violation[] = [];
  const adopted = new Set<string>();
  for (const stored of events) {
    const schemaVersion = stored.metadata.schemaVersion;
    if (stored.type !== POLICY_ADOPTED) {
      violations.push(streamViolation(streamId, stored.version, 'unknown-event', `unknown event type ${stored.type} in the service-levels stream`));
      continue;
    }
    if (typeof schemaVersion === 'number' && schemaVersion > POLICY_ADOPTED_SCHEMA_VERSION) {
      violations.push(streamViolation(streamId, stored.version, 'unknown-event', `${POLICY_ADOPTED} v${schemaVersion} is newer than this code knows (v${POLICY_ADOPTED_SCHEMA_VERSION})`));
      continue;
    }
    const version = (stored.data as { version?: unknown } | null)?.version;
    if (typeof version !== 'string') {
      violations.push(streamViolation(streamId, stored.version, 'unknown-event', `${POLICY_ADOPTED} names no policy version`));
      continue;
    }
    if (adopted.has(version)) {
      violations.push(streamViolation(streamId, stored.version, 'illegal-transition', `service-level policy version ${version} was already adopted: a version is adopted once`));
      continue;
    }
    adopted.add(version);
  }
  return violations;
}
