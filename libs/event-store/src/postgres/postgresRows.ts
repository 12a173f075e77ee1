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

export const EVENT_COLUMNS =
  'global_position, transaction_id::text AS transaction_id, event_id, stream_id, version, type, data, metadata, recorded_at, prev_hash, hash';

/** Where a reader resumes after this row: the writing transaction and the position. */
export const checkpointOf = (row: EventRow): Checkpoint => `${row.transaction_id}:${row.global_position}`;

export function parseCheckpoint(checkpoint: Checkpoint | null | undefined): [string, string] {
  if (!checkpoint) return ['0', '0'];
  const [transactionId, position] = checkpoint.split(':');
  if (!/^\d+$/.test(transactionId ?? '') || !/^\d+$/.test(position ?? '')) throw new Error(`invalid checkpoint ${checkpoint}`);
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
