import { randomUUID } from 'node:crypto';
import { hashEvent } from '@app/event-store';
import type { TamperableStore } from './tamperableStore';

/**
 * Inserts an event with SQL, hashed and chained correctly to the stream's last event, and moves
 * the head row (version, last hash) to it: what a forger with write access to the database can
 * do. Only the head's seal, which needs the audit key, stays wrong.
 */
export async function forgeEvent(tamper: TamperableStore, streamId: string, type: string, data: unknown, metadata: Record<string, unknown>): Promise<number> {
  const [last] = await tamper.sql<{ version: number; hash: string }>('SELECT version, hash FROM events WHERE stream_id = ? ORDER BY version DESC LIMIT 1', [streamId]);
  const version = last.version + 1;
  const recordedAt = new Date().toISOString();
  const hash = hashEvent({ prevHash: last.hash, streamId, version, type, data, metadata, recordedAt });
  await tamper.sql('INSERT INTO events (event_id, stream_id, version, type, data, metadata, recorded_at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
    randomUUID(),
    streamId,
    version,
    type,
    JSON.stringify(data),
    JSON.stringify(metadata),
    recordedAt,
    last.hash,
    hash,
  ]);
  await tamper.sql('UPDATE streams SET version = ?, last_hash = ? WHERE stream_id = ?', [version, hash, streamId]);
  return version;
}
