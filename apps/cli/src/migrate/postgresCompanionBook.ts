import type { Pool, PoolClient } from 'pg';
import { inTransactionOn } from '@app/event-store/postgres/postgresTransaction';
import { upsertCompanionRows } from './postgresCompanionRows';
import { createSchema, type PostgresTables, tablesOf } from '@app/event-store/postgres/postgresSchema';
import type { CompanionBook, EventStoreDbMigrationProgress, PageRecord } from './eventStoreDbCompanionBook';
import { MigrationRefusedError } from './migrationRefusedError';
import type { CompanionCopied, CompanionRows, MigrationSource } from './migrationTarget';

const tables = (schema: string) => `
CREATE TABLE IF NOT EXISTS "${schema}".migration_eventstoredb_progress (
  singleton             boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  source                text NOT NULL,
  source_first_event_id text,
  source_checkpoint     text,
  target_checkpoint     text,
  events_copied         bigint NOT NULL DEFAULT 0,
  started_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  finished_at           timestamptz
);
CREATE TABLE IF NOT EXISTS "${schema}".migration_eventstoredb_runs (
  run_id      bigserial PRIMARY KEY,
  source      text NOT NULL,
  started_at  timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
`;

/**
 * The companion in PostgreSQL (the API's, when DATABASE_URL is set beside EVENTSTORE_URL): the
 * store's tables in DATABASE_SCHEMA, written with the same upserts as the PostgreSQL target's.
 * One client holds a session lock for the whole run: two runs never copy into one target at once.
 */
export class PostgresCompanionBook implements CompanionBook {
  readonly description: string;
  private readonly table: PostgresTables;
  private readonly progressTable: string;
  private readonly runsTable: string;
  private client: PoolClient | null = null;
  private runId: string | null = null;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
  ) {
    this.table = tablesOf(schema);
    this.progressTable = `"${schema}".migration_eventstoredb_progress`;
    this.runsTable = `"${schema}".migration_eventstoredb_runs`;
    this.description = `companion postgres schema "${schema}"`;
  }

  async prepare(): Promise<void> {
    await createSchema(this.pool, this.schema);
    await this.pool.query(tables(this.schema));
    const client = await this.pool.connect();
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked', [
      `migrate-eventstoredb:${this.schema}`,
    ]);
    if (!rows[0].locked) {
      client.release();
      throw new MigrationRefusedError(`another migrate run is copying into EventStoreDB with ${this.description}: wait for it to finish (or stop it), then run again`);
    }
    this.client = client;
  }

  async readProgress(): Promise<EventStoreDbMigrationProgress | undefined> {
    const { rows } = await this.pool.query<{
      source: string;
      source_first_event_id: string | null;
      source_checkpoint: string | null;
      target_checkpoint: string | null;
      events_copied: string;
    }>(`SELECT source, source_first_event_id, source_checkpoint, target_checkpoint, events_copied FROM ${this.progressTable}`);
    const row = rows[0];
    if (!row) return undefined;
    return {
      source: row.source,
      firstEventId: row.source_first_event_id,
      sourceCheckpoint: row.source_checkpoint,
      targetCheckpoint: row.target_checkpoint,
      eventsCopied: Number(row.events_copied),
    };
  }

  async startProgress(source: MigrationSource): Promise<void> {
    await this.session().query(
      `INSERT INTO ${this.progressTable} (source, source_first_event_id) VALUES ($1, $2)
       ON CONFLICT (singleton) DO UPDATE SET source = excluded.source, source_first_event_id = excluded.source_first_event_id, updated_at = now()`,
      [source.description, source.firstEventId],
    );
  }

  async startRun(source: MigrationSource): Promise<void> {
    const { rows } = await this.session().query<{ run_id: string }>(`INSERT INTO ${this.runsTable} (source) VALUES ($1) RETURNING run_id`, [source.description]);
    this.runId = rows[0].run_id;
  }

  async recordPage(page: PageRecord): Promise<void> {
    const { streams, personalKeys } = this.table;
    await this.inTransaction(async (client) => {
      if (page.heads.length > 0) {
        await client.query(
          `INSERT INTO ${streams} AS head (stream_id, version, last_hash, last_recorded_at, seal)
           SELECT stream, version, last_hash, last_recorded_at, NULL FROM unnest($1::text[], $2::int[], $3::text[], $4::text[]) AS h(stream, version, last_hash, last_recorded_at)
           ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, last_hash = excluded.last_hash,
             last_recorded_at = excluded.last_recorded_at, seal = NULL`,
          [page.heads.map((e) => e.streamId), page.heads.map((e) => e.version), page.heads.map((e) => e.hash), page.heads.map((e) => e.recordedAt)],
        );
      }
      if (page.erasedSubjects.length > 0) await client.query(`DELETE FROM ${personalKeys} WHERE subject_id = ANY($1::text[])`, [[...page.erasedSubjects]]);
      await client.query(
        `UPDATE ${this.progressTable} SET source_checkpoint = $1, target_checkpoint = coalesce($2, target_checkpoint),
           events_copied = events_copied + $3, updated_at = now()`,
        [page.sourceCheckpoint, page.targetCheckpoint, page.written],
      );
    });
  }

  async copyCompanion(rows: CompanionRows): Promise<CompanionCopied> {
    return this.inTransaction((client) => upsertCompanionRows(client, this.table, rows));
  }

  async finish(): Promise<void> {
    const client = this.session();
    await client.query(`UPDATE ${this.progressTable} SET finished_at = now()`);
    if (this.runId !== null) await client.query(`UPDATE ${this.runsTable} SET finished_at = now() WHERE run_id = $1`, [this.runId]);
  }

  async close(): Promise<void> {
    // Ending the session releases its lock.
    this.client?.release(true);
    this.client = null;
    await this.pool.end();
  }

  private session(): PoolClient {
    if (!this.client) throw new Error(`${this.description} is not open: call prepare() first`);
    return this.client;
  }

  private inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return inTransactionOn(this.session(), work);
  }

}
