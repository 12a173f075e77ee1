import Database from 'better-sqlite3';
import { SqliteEventStore } from '@app/event-store';
import type { CompanionBook, EventStoreDbMigrationProgress, PageRecord } from './eventStoreDbCompanionBook';
import type { CompanionCopied, CompanionRows, MigrationSource } from './migrationTarget';

const TABLES = `
CREATE TABLE IF NOT EXISTS migration_eventstoredb_progress (
  singleton             INTEGER PRIMARY KEY CHECK (singleton = 1),
  source                TEXT NOT NULL,
  source_first_event_id TEXT,
  source_checkpoint     TEXT,
  target_checkpoint     TEXT,
  events_copied         INTEGER NOT NULL DEFAULT 0,
  started_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL,
  finished_at           TEXT
);
CREATE TABLE IF NOT EXISTS migration_eventstoredb_runs (
  run_id      INTEGER PRIMARY KEY AUTOINCREMENT,
  source      TEXT NOT NULL,
  started_at  TEXT NOT NULL,
  finished_at TEXT
);
`;

const now = () => new Date().toISOString();

/**
 * The companion file DATA_DIR/companion.db (the API's, without DATABASE_URL): the store's tables
 * as SqliteEventStore creates them, written here with the same upserts the PostgreSQL target uses.
 */
export class SqliteCompanionBook implements CompanionBook {
  readonly description: string;
  private db: Database.Database | null = null;
  private runId: number | bigint | null = null;

  constructor(private readonly file: string) {
    this.description = `companion ${file}`;
  }

  async prepare(): Promise<void> {
    // The store's own tables, created as the API would create them.
    await new SqliteEventStore({ file: this.file }).close();
    const db = new Database(this.file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
    db.exec(TABLES);
    this.db = db;
  }

  async readProgress(): Promise<EventStoreDbMigrationProgress | undefined> {
    const row = this.open()
      .prepare<[], { source: string; source_first_event_id: string | null; source_checkpoint: string | null; target_checkpoint: string | null; events_copied: number }>(
        'SELECT source, source_first_event_id, source_checkpoint, target_checkpoint, events_copied FROM migration_eventstoredb_progress',
      )
      .get();
    if (!row) return undefined;
    return {
      source: row.source,
      firstEventId: row.source_first_event_id,
      sourceCheckpoint: row.source_checkpoint,
      targetCheckpoint: row.target_checkpoint,
      eventsCopied: row.events_copied,
    };
  }

  async startProgress(source: MigrationSource): Promise<void> {
    this.open()
      .prepare(
        `INSERT INTO migration_eventstoredb_progress (singleton, source, source_first_event_id, started_at, updated_at) VALUES (1, ?, ?, ?, ?)
         ON CONFLICT (singleton) DO UPDATE SET source = excluded.source, source_first_event_id = excluded.source_first_event_id, updated_at = excluded.updated_at`,
      )
      .run(source.description, source.firstEventId, now(), now());
  }

  async startRun(source: MigrationSource): Promise<void> {
    this.runId = this.open().prepare('INSERT INTO migration_eventstoredb_runs (source, started_at) VALUES (?, ?)').run(source.description, now()).lastInsertRowid;
  }

  async recordPage(page: PageRecord): Promise<void> {
    const db = this.open();
    const head = db.prepare(
      `INSERT INTO streams (stream_id, version, last_hash, last_recorded_at, seal) VALUES (?, ?, ?, ?, NULL)
       ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, last_hash = excluded.last_hash, last_recorded_at = excluded.last_recorded_at, seal = NULL`,
    );
    const erase = db.prepare('DELETE FROM personal_data_keys WHERE subject_id = ?');
    const progress = db.prepare(
      `UPDATE migration_eventstoredb_progress SET source_checkpoint = ?, target_checkpoint = coalesce(?, target_checkpoint),
         events_copied = events_copied + ?, updated_at = ?`,
    );
    db.transaction(() => {
      for (const event of page.heads) head.run(event.streamId, event.version, event.hash, event.recordedAt);
      for (const subjectId of page.erasedSubjects) erase.run(subjectId);
      progress.run(page.sourceCheckpoint, page.targetCheckpoint, page.written, now());
    }).immediate();
    if (page.erasedSubjects.length > 0) db.pragma('wal_checkpoint(TRUNCATE)');
  }

  async copyCompanion(rows: CompanionRows): Promise<CompanionCopied> {
    const db = this.open();
    const upsert = (sql: string) => {
      const statement = db.prepare(sql);
      return (...values: unknown[]) => statement.run(...values).changes;
    };
    const key = upsert(
      `INSERT INTO unique_keys (scope, key, stream_id) VALUES (?, ?, ?)
       ON CONFLICT (scope, key) DO UPDATE SET stream_id = excluded.stream_id WHERE stream_id <> excluded.stream_id`,
    );
    // Only ever raised: a number the source handed out must never be handed out again.
    const sequence = upsert('INSERT INTO sequences (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value WHERE value < excluded.value');
    const personalKey = upsert(
      `INSERT INTO personal_data_keys (subject_id, lookup, key, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (subject_id) DO UPDATE SET lookup = excluded.lookup, key = excluded.key, created_at = excluded.created_at
       WHERE (lookup, key, created_at) IS NOT (excluded.lookup, excluded.key, excluded.created_at)`,
    );
    const head = upsert(
      `INSERT INTO streams (stream_id, version, last_hash, last_recorded_at, seal) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, last_hash = excluded.last_hash,
         last_recorded_at = excluded.last_recorded_at, seal = excluded.seal
       WHERE (version, last_hash, last_recorded_at, seal) IS NOT (excluded.version, excluded.last_hash, excluded.last_recorded_at, excluded.seal)`,
    );
    const record = upsert(
      `INSERT INTO idempotency_keys (scope, key, request_hash, claim_token, claimed_at, response_status, response_body, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (scope, key) DO UPDATE SET request_hash = excluded.request_hash, claim_token = excluded.claim_token, claimed_at = excluded.claimed_at,
         response_status = excluded.response_status, response_body = excluded.response_body, completed_at = excluded.completed_at
       WHERE (request_hash, claim_token, claimed_at, response_status, response_body, completed_at)
         IS NOT (excluded.request_hash, excluded.claim_token, excluded.claimed_at, excluded.response_status, excluded.response_body, excluded.completed_at)`,
    );
    const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
    return db
      .transaction(
        (): CompanionCopied => ({
          uniqueKeys: sum((rows.uniqueKeys ?? []).map((k) => key(k.scope, k.key, k.streamId))),
          sequences: sum((rows.sequences ?? []).map((s) => sequence(s.name, s.value))),
          personalKeys: sum((rows.personalKeys ?? []).map((p) => personalKey(p.subjectId, p.lookup, p.key, p.createdAt))),
          streamHeads: sum((rows.streamHeads ?? []).map((h) => head(h.streamId, h.version, h.lastHash, h.lastRecordedAt, h.seal))),
          idempotencyRecords: sum(
            (rows.idempotencyRecords ?? []).map((r) =>
              record(
                r.scope,
                r.key,
                r.requestHash,
                r.claimToken,
                r.claimedAt,
                r.responseStatus,
                r.responseBody === null || r.responseBody === undefined ? null : JSON.stringify(r.responseBody),
                r.completedAt,
              ),
            ),
          ),
        }),
      )
      .immediate();
  }

  async finish(): Promise<void> {
    const db = this.open();
    db.prepare('UPDATE migration_eventstoredb_progress SET finished_at = ?').run(now());
    if (this.runId !== null) db.prepare('UPDATE migration_eventstoredb_runs SET finished_at = ? WHERE run_id = ?').run(now(), this.runId);
  }

  async close(): Promise<void> {
    this.db?.close();
    this.db = null;
  }

  private open(): Database.Database {
    if (!this.db) throw new Error(`${this.description} is not open: call prepare() first`);
    return this.db;
  }
}
