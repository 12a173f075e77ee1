import type Database from 'better-sqlite3';
import type { AuditSource, SequenceRecord, StreamHeadRecord, UniqueKeyRecord } from '../auditSource.port';
import { InvalidCheckpointError } from '../errors';
import type { GlobalEvent, StoredEvent } from '../eventStore.port';
import { type EventRow, toStoredEvent } from './sqliteRows';

const EVENT_COLUMNS = 'global_position, event_id, stream_id, version, type, data, metadata, recorded_at, prev_hash, hash';

/** The auditors' raw reads on the SQLite file (see AuditSource). */
export class SqliteAuditSource implements AuditSource {
  constructor(private readonly db: Database.Database) {}

  async readStreamHeads({ after, limit }: { after: string | null; limit: number }): Promise<StreamHeadRecord[]> {
    const rows = this.db
      .prepare<[string, number], { stream_id: string; version: number; last_hash: string | null; last_recorded_at: string | null; seal: string | null }>(
        'SELECT stream_id, version, last_hash, last_recorded_at, seal FROM streams WHERE stream_id > ? ORDER BY stream_id LIMIT ?',
      )
      .all(after ?? '', limit);
    return rows.map((row) => ({ streamId: row.stream_id, version: row.version, lastHash: row.last_hash, lastRecordedAt: row.last_recorded_at, seal: row.seal }));
  }

  async readHeadlessStreams({ after, limit }: { after: string | null; limit: number }): Promise<string[]> {
    const rows = this.db
      .prepare<[string, number], { stream_id: string }>(
        `SELECT DISTINCT stream_id FROM events e
         WHERE stream_id > ? AND NOT EXISTS (SELECT 1 FROM streams s WHERE s.stream_id = e.stream_id)
         ORDER BY stream_id LIMIT ?`,
      )
      .all(after ?? '', limit);
    return rows.map((row) => row.stream_id);
  }

  async readStreams(streamIds: readonly string[]): Promise<StoredEvent[]> {
    if (streamIds.length === 0) return [];
    const rows = this.db
      .prepare<[string], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id IN (SELECT value FROM json_each(?)) ORDER BY stream_id, version`,
      )
      .all(JSON.stringify(streamIds));
    return rows.map(toStoredEvent);
  }

  async readUniqueKeys({ scope, after, limit }: { scope: string; after: string | null; limit: number }): Promise<UniqueKeyRecord[]> {
    const rows = this.db
      .prepare<[string, string, number], { key: string; stream_id: string; stream_exists: number }>(
        `SELECT key, stream_id,
           EXISTS (SELECT 1 FROM streams s WHERE s.stream_id = u.stream_id)
             OR EXISTS (SELECT 1 FROM events e WHERE e.stream_id = u.stream_id) AS stream_exists
         FROM unique_keys u WHERE scope = ? AND key > ? ORDER BY key LIMIT ?`,
      )
      .all(scope, after ?? '', limit);
    return rows.map((row) => ({ key: row.key, streamId: row.stream_id, streamExists: row.stream_exists === 1 }));
  }

  async readSequences(prefix: string): Promise<SequenceRecord[]> {
    return this.db
      .prepare<[string, string], SequenceRecord>('SELECT name, value FROM sequences WHERE substr(name, 1, length(?)) = ? ORDER BY name')
      .all(prefix, prefix);
  }

  async readAllUpTo({ after, upTo, limit }: { after: string | null; upTo: string; limit: number }): Promise<GlobalEvent[]> {
    const upToPosition = positionOf(upTo);
    const rows =
      after === null
        ? this.db
            .prepare<[number, number], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE global_position <= ? ORDER BY global_position LIMIT ?`)
            .all(upToPosition, limit)
        : this.db
            .prepare<[number, number, number], EventRow>(
              `SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > ? AND global_position <= ? ORDER BY global_position LIMIT ?`,
            )
            .all(positionOf(after), upToPosition, limit);
    return rows.map((row) => ({ ...toStoredEvent(row), checkpoint: String(row.global_position) }));
  }
}

function positionOf(checkpoint: string): number {
  if (!/^-?\d+$/.test(checkpoint)) throw new InvalidCheckpointError(checkpoint);
  return Number(checkpoint);
}
