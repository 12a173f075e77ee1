import { InvalidCheckpointError } from '../errors';
import type { Checkpoint, StoredEvent } from '../eventStore.port';

/** An `events` row as pg returns it (bigint and xid8 as text). */
export interface EventRow {
  global_position: string;
  transaction_id: string;
  event_id: string;
  stream_id: string;
  version: number;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  recorded_at: string;
  prev_hash: string | null;
  hash: string;
}

/**
 * The columns readers select. `transaction_id` comes back as text (pg has no xid8 parser), under
 * its own name: an ORDER BY must therefore name the table's column (`events.transaction_id`),
 * or it would sort by the text and put transaction 10 before transaction 9.
 */
export const EVENT_COLUMNS =
  'global_position, transaction_id::text AS transaction_id, event_id, stream_id, version, type, data, metadata, recorded_at, prev_hash, hash';

/** Where a reader resumes after this row: the writing transaction and the position. */
export const checkpointOf = (row: EventRow): Checkpoint => `${row.transaction_id}:${row.global_position}`;

export function parseCheckpoint(checkpoint: Checkpoint | null | undefined): [string, string] {
  if (!checkpoint) return ['0', '0'];
  const [transactionId, position] = checkpoint.split(':');
  if (!/^\d+$/.test(transactionId ?? '') || !/^\d+$/.test(position ?? '')) throw new InvalidCheckpointError(checkpoint);
  return [transactionId, position];
}

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    id: row.event_id,
    streamId: row.stream_id,
    version: row.version,
    globalPosition: Number(row.global_position),
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
