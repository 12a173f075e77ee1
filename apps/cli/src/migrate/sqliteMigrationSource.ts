import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { AuditSource, Checkpoint, GlobalEvent, SequenceRecord, StreamHeadRecord } from '@app/event-store';
import { SqliteAuditSource } from '@app/event-store/sqlite/sqliteAuditSource';
import type { MigratedIdempotencyRecord, MigratedPersonalKey, MigratedUniqueKey, MigrationSource } from './migrationTarget';

interface IdempotencyRow {
  scope: string;
  key: string;
  request_hash: string;
  claim_token: string;
  claimed_at: string;
  response_status: number | null;
  response_body: string | null;
  completed_at: string | null;
}

/**
 * The SQLite store being moved, opened read-only and read inside one transaction: every page
 * (events, heads, keys) comes from the same snapshot, so a source still written to while the
 * copy runs is copied as it stood when the copy began, and a later run tops the rest up.
 */
export class SqliteMigrationSource {
  private readonly db: Database.Database;
  private readonly audit: AuditSource;

  constructor(readonly file: string) {
    if (!existsSync(file)) throw new Error(`there is no SQLite store at ${file}: set DATA_DIR to the folder holding the events.db to move`);
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    this.db.pragma('busy_timeout = 5000');
    this.db.exec('BEGIN');
    // The snapshot starts with the transaction's first read.
    this.db.prepare('SELECT count(*) FROM events').get();
    this.audit = new SqliteAuditSource(this.db);
  }

  identity(): MigrationSource {
    const first = this.db.prepare<[], { event_id: string }>('SELECT event_id FROM events ORDER BY global_position LIMIT 1').get();
    return { description: `sqlite ${this.file}`, firstEventId: first?.event_id ?? null };
  }

  /** The checkpoint after the source's last event (null: it has none): the copy goes up to here. */
  headCheckpoint(): Checkpoint | null {
    const { position } = this.db.prepare<[], { position: number | null }>('SELECT max(global_position) AS position FROM events').get()!;
    return position === null ? null : String(position);
  }

  eventCount(): number {
    return this.db.prepare<[], { count: number }>('SELECT count(*) AS count FROM events').get()!.count;
  }

  /** Events after `after` up to `upTo`, in the store's commit-safe order. */
  readAllUpTo(after: Checkpoint | null, upTo: Checkpoint, limit: number): Promise<GlobalEvent[]> {
    return this.audit.readAllUpTo({ after, upTo, limit });
  }

  auditSource(): AuditSource {
    return this.audit;
  }

  streamHeads(after: string | null, limit: number): Promise<StreamHeadRecord[]> {
    return this.audit.readStreamHeads({ after, limit });
  }

  uniqueKeys(after: { scope: string; key: string } | null, limit: number): MigratedUniqueKey[] {
    return this.db
      .prepare<[string, string, string, number], { scope: string; key: string; stream_id: string }>(
        'SELECT scope, key, stream_id FROM unique_keys WHERE scope > ? OR (scope = ? AND key > ?) ORDER BY scope, key LIMIT ?',
      )
      .all(after?.scope ?? '', after?.scope ?? '', after?.key ?? '', limit)
      .map((row) => ({ scope: row.scope, key: row.key, streamId: row.stream_id }));
  }

  /** The scopes unique keys are taken in (issues' references among them). */
  uniqueKeyScopes(): string[] {
    return this.db.prepare<[], { scope: string }>('SELECT DISTINCT scope FROM unique_keys ORDER BY scope').all().map((row) => row.scope);
  }

  /** Every named sequence: a handful per area and year. */
  sequences(): SequenceRecord[] {
    return this.db.prepare<[], SequenceRecord>('SELECT name, value FROM sequences ORDER BY name').all();
  }

  personalKeys(after: string | null, limit: number): MigratedPersonalKey[] {
    if (!this.hasTable('personal_data_keys')) return [];
    return this.db
      .prepare<[string, number], { subject_id: string; lookup: string | null; key: Buffer; created_at: string }>(
        'SELECT subject_id, lookup, key, created_at FROM personal_data_keys WHERE subject_id > ? ORDER BY subject_id LIMIT ?',
      )
      .all(after ?? '', limit)
      .map((row) => ({ subjectId: row.subject_id, lookup: row.lookup, key: row.key, createdAt: row.created_at }));
  }

  idempotencyRecords(after: { scope: string; key: string } | null, limit: number): MigratedIdempotencyRecord[] {
    return this.db
      .prepare<[string, string, string, number], IdempotencyRow>(
        `SELECT scope, key, request_hash, claim_token, claimed_at, response_status, response_body, completed_at FROM idempotency_keys
         WHERE scope > ? OR (scope = ? AND key > ?) ORDER BY scope, key LIMIT ?`,
      )
      .all(after?.scope ?? '', after?.scope ?? '', after?.key ?? '', limit)
      .map((row) => ({
        scope: row.scope,
        key: row.key,
        requestHash: row.request_hash,
        claimToken: row.claim_token,
        claimedAt: row.claimed_at,
        responseStatus: row.response_status,
        responseBody: row.response_body === null ? null : (JSON.parse(row.response_body) as unknown),
        completedAt: row.completed_at,
      }));
  }

  close(): void {
    this.db.exec('COMMIT');
    this.db.close();
  }

  private hasTable(name: string): boolean {
    return this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
  }
}
