import { createHash } from 'node:crypto';
import type { DeadlineKind } from '@app/lifecycle';

/** One deadline of one issue: what the system records at most once. */
export interface DeadlineRef {
  readonly issueId: string;
  readonly kind: DeadlineKind;
  readonly cycle: number;
}

export const deadlineKeyOf = ({ issueId, kind, cycle }: DeadlineRef) => `${issueId}/${kind}/${cycle}`;

/**
 * The ids of a deadline's DeadlineMissed and IssueEscalated: the same in every process, so a
 * second recording of them is refused by the store's unique event ids.
 */
export function deadlineEventIds(deadline: DeadlineRef): [missed: string, escalated: string] {
  const key = deadlineKeyOf(deadline);
  return [uuidFromHash(`${key}/missed`), uuidFromHash(`${key}/escalated`)];
}

/** A UUID-shaped (version 5 layout) id from a SHA-256: PostgreSQL's event_id column is a uuid. */
function uuidFromHash(name: string): string {
  const bytes = createHash('sha256').update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
