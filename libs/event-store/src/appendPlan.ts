import type { ExpectedVersion, NewEvent, StoredEvent } from './eventStore.port';
import { WrongExpectedVersionError } from './errors';
import { hashEvent } from './eventHash';

/** A stream's last version and hash, as read inside the appending transaction. */
export interface StreamHead {
  readonly version: number;
  readonly lastHash: string | null;
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
  recordedAt: string,
): PlannedEvent[] {
  if (expectedVersion !== 'any' && expectedVersion !== head.version) {
    throw new WrongExpectedVersionError(streamId, expectedVersion, head.version);
  }
  let prevHash = head.lastHash;
  return events.map((event, index) => {
    const version = head.version + index + 1;
    const hash = hashEvent({ prevHash, streamId, version, type: event.type, data: event.data, metadata: event.metadata, recordedAt });
    const planned = { ...event, streamId, version, recordedAt, prevHash, hash };
    prevHash = hash;
    return planned;
  });
}
