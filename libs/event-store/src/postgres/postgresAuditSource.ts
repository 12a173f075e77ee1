import type { Pool } from 'pg';
import type { AuditSource, SequenceRecord, StreamHeadRecord, UniqueKeyRecord } from '../auditSource.port';
import type { GlobalEvent, StoredEvent } from '../eventStore.port';
import { checkpointOf, EVENT_COLUMNS, type EventRow, parseCheckpoint, toStoredEvent } from './postgresRows';
import type { PostgresTables } from './postgresSchema';

/** The auditors' raw reads on the PostgreSQL schema (see AuditSource). */
export class PostgresAuditSource implements AuditSource {
  constructor(
    private readonly pool: Pool,
    private readonly table: PostgresTables,
  ) {}

  async readStreamHeads({ after, limit }: { after: string | null; limit: number }): Promise<StreamHeadRecord[]> {
    const { rows } = await this.pool.query<{ stream_id: string; version: number; last_hash: string | null; last_recorded_at: string | null; seal: string | null }>(
      `SELECT stream_id, version, last_hash, last_recorded_at, seal FROM ${this.table.streams}
       WHERE stream_id > $1 ORDER BY stream_id LIMIT $2`,
      [after ?? '', limit],
    );
    return rows.map((row) => ({ streamId: row.stream_id, version: row.version, lastHash: row.last_hash, lastRecordedAt: row.last_recorded_at, seal: row.seal }));
  }

  async readHeadlessStreams({ after, limit }: { after: string | null; limit: number }): Promise<string[]> {
    const { rows } = await this.pool.query<{ stream_id: string }>(
      `SELECT DISTINCT stream_id FROM ${this.table.events} e
       WHERE stream_id > $1 AND NOT EXISTS (SELECT 1 FROM ${this.table.streams} s WHERE s.stream_id = e.stream_id)
       ORDER BY 1 LIMIT $2`,
      [after ?? '', limit],
    );
    return rows.map((row) => row.stream_id);
  }

  async readStreams(streamIds: readonly string[]): Promise<StoredEvent[]> {
    if (streamIds.length === 0) return [];
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.table.events} WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, version`,
      [streamIds],
    );
    return rows.map(toStoredEvent);
  }

  async readUniqueKeys({ scope, after, limit }: { scope: string; after: string | null; limit: number }): Promise<UniqueKeyRecord[]> {
    const { rows } = await this.pool.query<{ key: string; stream_id: string; stream_exists: boolean }>(
      `SELECT key, stream_id,
         EXISTS (SELECT 1 FROM ${this.table.streams} s WHERE s.stream_id = u.stream_id)
           OR EXISTS (SELECT 1 FROM ${this.table.events} e WHERE e.stream_id = u.stream_id) AS stream_exists
       FROM ${this.table.uniqueKeys} u WHERE scope = $1 AND key > $2 ORDER BY key LIMIT $3`,
      [scope, after ?? '', limit],
    );
    return rows.map((row) => ({ key: row.key, streamId: row.stream_id, streamExists: row.stream_exists }));
  }

  async readSequences(prefix: string): Promise<SequenceRecord[]> {
    const { rows } = await this.pool.query<{ name: string; value: string }>(
      `SELECT name, value FROM ${this.table.sequences} WHERE left(name, length($1)) = $1 ORDER BY name`,
      [prefix],
    );
    return rows.map((row) => ({ name: row.name, value: Number(row.value) }));
  }

  /**
   * In readAll's (transaction, position) order; no in-flight filter is needed below a
   * checkpoint readAll handed out, since every transaction before it had finished by then.
   */
  async readAllUpTo({ after, upTo, limit }: { after: string | null; upTo: string; limit: number }): Promise<GlobalEvent[]> {
    const [upToTransaction, upToPosition] = parseCheckpoint(upTo);
    const order = `${this.table.events}.transaction_id, ${this.table.events}.global_position`;
    const bound = `(transaction_id, global_position) <= ($1::xid8, $2::bigint)`;
    const { rows } =
      after === null
        ? await this.pool.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM ${this.table.events} WHERE ${bound} ORDER BY ${order} LIMIT $3`, [
            upToTransaction,
            upToPosition,
            limit,
          ])
        : await this.pool.query<EventRow>(
            `SELECT ${EVENT_COLUMNS} FROM ${this.table.events}
             WHERE ${bound} AND (transaction_id, global_position) > ($4::xid8, $5::bigint) ORDER BY ${order} LIMIT $3`,
            [upToTransaction, upToPosition, limit, ...parseCheckpoint(after)],
          );
    return rows.map((row) => ({ ...toStoredEvent(row), checkpoint: checkpointOf(row) }));
  }
}
