import type Database from 'better-sqlite3';
import type { PersonalKeyStore, SubjectKey, SubjectKeyRequest } from '../personalKeys.port';

/** The residents' keys, in the event store's own file (see PersonalKeyStore). */
export const SQLITE_PERSONAL_KEYS_SCHEMA = `
CREATE TABLE IF NOT EXISTS personal_data_keys (
  subject_id TEXT PRIMARY KEY,
  lookup     TEXT UNIQUE,
  key        BLOB NOT NULL,
  created_at TEXT NOT NULL
);
`;

interface KeyRow {
  subject_id: string;
  key: Buffer;
}

const IN_CHUNK = 500;

/**
 * The SQLite side of PersonalKeyStore. The file has one writer at a time, and the insert and
 * the read run in one transaction, so two intakes by one resident get the same subject.
 */
export class SqlitePersonalKeys implements PersonalKeyStore {
  private readonly insert: Database.Statement<[string, string | null, Buffer, string]>;
  private readonly byLookup: Database.Statement<[string], KeyRow>;
  private readonly getOrCreate: Database.Transaction<(request: SubjectKeyRequest) => SubjectKey>;

  constructor(private readonly db: Database.Database) {
    db.exec(SQLITE_PERSONAL_KEYS_SCHEMA);
    this.insert = db.prepare('INSERT INTO personal_data_keys (subject_id, lookup, key, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
    this.byLookup = db.prepare('SELECT subject_id, key FROM personal_data_keys WHERE lookup = ?');
    this.getOrCreate = db.transaction((request: SubjectKeyRequest): SubjectKey => {
      this.insert.run(request.subjectId, request.lookup, request.key, request.now.toISOString());
      if (request.lookup === null) return { subjectId: request.subjectId, key: request.key };
      const row = this.byLookup.get(request.lookup)!;
      return { subjectId: row.subject_id, key: row.key };
    });
  }

  async subjectKeyFor(request: SubjectKeyRequest): Promise<SubjectKey> {
    return this.getOrCreate.immediate(request);
  }

  /** The same, inside a transaction the caller holds (the store's write batch): a savepoint there. */
  subjectKeyInTransaction(request: SubjectKeyRequest): SubjectKey {
    return this.getOrCreate(request);
  }

  async subjectKeys(subjectIds: readonly string[]): Promise<Map<string, Buffer>> {
    const keys = new Map<string, Buffer>();
    const unique = [...new Set(subjectIds)];
    for (let start = 0; start < unique.length; start += IN_CHUNK) {
      const chunk = unique.slice(start, start + IN_CHUNK);
      const rows = this.db
        .prepare<string[], KeyRow>(`SELECT subject_id, key FROM personal_data_keys WHERE subject_id IN (${chunk.map(() => '?').join(', ')})`)
        .all(...chunk);
      for (const row of rows) keys.set(row.subject_id, row.key);
    }
    return keys;
  }
}

/**
 * Destroys the subjects' keys; called inside the append's transaction. The connection runs
 * with `secure_delete`, so the freed pages are zeroed rather than left readable.
 */
export function shredSqlitePersonalKeys(db: Database.Database, subjectIds: readonly string[]): void {
  const remove = db.prepare<[string]>('DELETE FROM personal_data_keys WHERE subject_id = ?');
  for (const subjectId of subjectIds) remove.run(subjectId);
}

/**
 * After an erasure has committed: copy the WAL into the main file and truncate it, so the old
 * page images that held the key leave the WAL too. Best effort: a reader holding the WAL open
 * makes it partial, and the next erasure's checkpoint (or SQLite's own) finishes the job.
 */
export function checkpointAfterShredding(db: Database.Database): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}
