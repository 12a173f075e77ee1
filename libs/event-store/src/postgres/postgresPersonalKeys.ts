import type { Pool, PoolClient } from 'pg';
import type { PersonalKeyStore, SubjectKey, SubjectKeyRequest } from '../personalKeys.port';

/** The residents' keys, in the store's schema (see PersonalKeyStore). */
export const postgresPersonalKeysSchema = (schema: string) => `
CREATE TABLE IF NOT EXISTS "${schema}".personal_data_keys (
  subject_id text PRIMARY KEY,
  lookup     text UNIQUE,
  key        bytea NOT NULL,
  created_at timestamptz NOT NULL
);
`;

export const personalKeysTableOf = (schema: string) => `"${schema}".personal_data_keys`;

/**
 * The PostgreSQL side of PersonalKeyStore. Get-or-create is one statement pair without a
 * transaction: the insert waits for a concurrent inserter of the same lookup to commit and then
 * does nothing, so the select that follows sees the winner's row.
 */
export class PostgresPersonalKeys implements PersonalKeyStore {
  constructor(
    private readonly pool: Pool,
    private readonly table: string,
  ) {}

  async subjectKeyFor(request: SubjectKeyRequest): Promise<SubjectKey> {
    const inserted = await this.pool.query<{ subject_id: string; key: Buffer }>(
      `INSERT INTO ${this.table} (subject_id, lookup, key, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING subject_id, key`,
      [request.subjectId, request.lookup, request.key, request.now],
    );
    if (inserted.rows[0] || request.lookup === null) return { subjectId: request.subjectId, key: request.key };
    const { rows } = await this.pool.query<{ subject_id: string; key: Buffer }>(`SELECT subject_id, key FROM ${this.table} WHERE lookup = $1`, [
      request.lookup,
    ]);
    // Erased between our insert and our read: the resident starts again with a new subject.
    if (!rows[0]) return this.subjectKeyFor(request);
    return { subjectId: rows[0].subject_id, key: rows[0].key };
  }

  async subjectKeys(subjectIds: readonly string[]): Promise<Map<string, Buffer>> {
    if (subjectIds.length === 0) return new Map();
    const { rows } = await this.pool.query<{ subject_id: string; key: Buffer }>(
      `SELECT subject_id, key FROM ${this.table} WHERE subject_id = ANY($1::text[])`,
      [[...new Set(subjectIds)]],
    );
    return new Map(rows.map((row) => [row.subject_id, row.key]));
  }

  /** After an erasure has committed: VACUUM (outside any transaction) so the dead key rows are reclaimed. */
  async vacuum(): Promise<void> {
    await this.pool.query(`VACUUM ${this.table}`);
  }
}

/** Destroys the subjects' keys; called inside the append's transaction, after it has locked the stream head. */
export async function shredPostgresPersonalKeys(client: PoolClient, table: string, subjectIds: readonly string[]): Promise<void> {
  await client.query(`DELETE FROM ${table} WHERE subject_id = ANY($1::text[])`, [[...subjectIds]]);
}
