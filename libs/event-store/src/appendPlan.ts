import type { ExpectedVersion, NewEvent, StoredEvent } from './eventStore.port';
import { WrongExpectedVersionError } from './errors';
import { hashEvent } from './eventHash';
import { sealHead } from './headSeal';
import { nextRecordedAt } from './recordedAt';

/** A stream's last version, hash and recordedAt, as read inside the appending transaction. */
export interface StreamHead {
  readonly version: number;
  readonly lastHash: string | null;
  /** The stream's last event's recordedAt (kept in the head row, so the append need not read the event). */
  readonly lastRecordedAt?: string | null;
}

/** The head row an append leaves: sealed when the store has the audit's head-seal key. */
export interface SealedHead {
  readonly version: number;
  readonly lastHash: string;
  readonly lastRecordedAt: string;
  readonly seal: string | null;
}

export type PlannedEvent = Omit<StoredEvent, 'globalPosition'>;

/**
 * The rows an append will write: numbered after the stream's head and chained to its hash.
 * Every adapter calls this inside its transaction, after locking or reading the head there.
 */
export function planAppend(
  streamId: string,
  head: StreamHead,
  events: readonly NewEvent[],
  expectedVersion: ExpectedVersion,
  now: Date,
): PlannedEvent[] {
  if (expectedVersion !== 'any' && expectedVersion !== head.version) {
    throw new WrongExpectedVersionError(streamId, expectedVersion, head.version);
  }
  let prevHash = head.lastHash;
  let previousRecordedAt = head.lastRecordedAt ?? null;
  return events.map((event, index) => {
    const version = head.version + index + 1;
    const recordedAt = new Date(nextRecordedAt(now, previousRecordedAt)).toISOString();
    previousRecordedAt = recordedAt;
    const hash = hashEvent({ prevHash, streamId, version, type: event.type, data: event.data, metadata: event.metadata, recordedAt });
    const planned = { ...event, streamId, version, recordedAt, prevHash, hash };
    prevHash = hash;
    return planned;
  });
}

/** The head row after the planned events (undefined when there are none), sealed with the key if given. */
export function headAfter(streamId: string, planned: readonly PlannedEvent[], sealKey: Buffer | undefined): SealedHead | undefined {
  const last = planned.at(-1);
  if (!last) return undefined;
  const seal = sealKey ? sealHead(sealKey, { streamId, version: last.version, lastHash: last.hash }) : null;
  return { version: last.version, lastHash: last.hash, lastRecordedAt: last.recordedAt, seal };
}
