import { isIssueStream, issueIdOf } from '@app/streams';
import type { Violation, ViolationKind } from './violation';

/** A violation in a stream, naming its issue when it is an issue's stream. */
export function streamViolation(streamId: string, version: number | null, kind: ViolationKind, detail: string): Violation {
  return { issueId: isIssueStream(streamId) ? issueIdOf(streamId) : null, streamId, version, kind, detail };
}
