import type Database from 'better-sqlite3';
import type { EventRow } from './sqliteRows';

const EVENT_COLUMNS = 'global_position, event_id, stream_id, version, type, data, metadata, recorded_at, prev_hash, hash';

/** Every statement the adapter runs, prepared once when the store opens. */
export function prepareStatements(db: Database.Database) {
  return {
    head: db.prepare<[string], { version: number; last_hash: string | null; last_recorded_at: string | null }>(
      'SELECT version, last_hash, last_recorded_at FROM streams WHERE stream_id = ?',
    ),
    upsertHead: db.prepare<[string, number, string | null, string, string | null]>(
      `INSERT INTO streams (stream_id, version, last_hash, last_recorded_at, seal) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, last_hash = excluded.last_hash,
         last_recorded_at = excluded.last_recorded_at, seal = excluded.seal`,
    ),
    insertEvent: db.prepare(
      'INSERT INTO events (event_id, stream_id, version, type, data, metadata, recorded_at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    readStream: db.prepare<[string, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND version >= ? ORDER BY version`,
    ),
    readAll: db.prepare<[number, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?`,
    ),
    headPosition: db.prepare<[], { position: number | null }>('SELECT max(global_position) AS position FROM events'),
    countAfter: db.prepare<[number], { count: number }>('SELECT count(*) AS count FROM events WHERE global_position > ?'),
    insertClaim: db.prepare(
      'INSERT INTO idempotency_keys (scope, key, request_hash, claim_token, claimed_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    findClaim: db.prepare<[string, string], { request_hash: string; claim_token: string; claimed_at: string; response_status: number | null; response_body: string | null; completed_at: string | null }>(
      'SELECT request_hash, claim_token, claimed_at, response_status, response_body, completed_at FROM idempotency_keys WHERE scope = ? AND key = ?',
    ),
    takeOver: db.prepare(
      'UPDATE idempotency_keys SET claim_token = ?, claimed_at = ? WHERE scope = ? AND key = ? AND claim_token = ? AND completed_at IS NULL',
    ),
    complete: db.prepare(
      'UPDATE idempotency_keys SET response_body = ?, completed_at = ? WHERE scope = ? AND key = ? AND claim_token = ? AND completed_at IS NULL',
    ),
    release: db.prepare('DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND claim_token = ? AND completed_at IS NULL'),
    deleteExpiredKeys: db.prepare<[string, string]>(
      'DELETE FROM idempotency_keys WHERE completed_at < ? OR (completed_at IS NULL AND claimed_at < ?)',
    ),
    takeKey: db.prepare<[string, string, string]>('INSERT INTO unique_keys (scope, key, stream_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
    streamOf: db.prepare<[string, string], { stream_id: string }>('SELECT stream_id FROM unique_keys WHERE scope = ? AND key = ?'),
    nextSequence: db.prepare<[string], { value: number }>(
      'INSERT INTO sequences (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value',
    ),
  };
}

export type SqliteStatements = ReturnType<typeof prepareStatements>;
