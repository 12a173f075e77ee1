import { Pool, type PoolClient } from 'pg';
import { inTransactionOn } from '@app/event-store/postgres/postgresTransaction';
import { upsertCompanionRows } from './postgresCompanionRows';
import type { Checkpoint, GlobalEvent } from '@app/event-store';
import { createSchema, type PostgresTables, tablesOf } from '@app/event-store/postgres/postgresSchema';
import { refuseTransactionIdsAhead } from '@app/event-store/postgres/postgresTransactionIdGuard';
import { loadSettings } from '../../../api/src/config/settings';
import type { CompanionCopied, CompanionRows, MigrationProgress, MigrationSource, MigrationTarget, MigrationTargetFactory } from './migrationTarget';
import { MigrationRefusedError } from './migrationRefusedError';
import { migrationTablesOf, postgresMigrationTables } from './postgresMigrationTables';

/**
 * Copies into the PostgreSQL store DATABASE_URL and DATABASE_SCHEMA name, keeping the store's
 * rules as its own appends do: each page is one transaction, so its rows record that
 * transaction's id (readers take rows in (transaction id, position) order, and pages commit in
 * the source's order, so the target's readAll order is the source's); rows are inserted in the
 * page's order, so positions rise with it; each stream's head row moves with its events; and the
 * append channel is notified so that live readers wake. One client holds a session lock for the
 * whole run, so two runs can never copy into one schema at once.
 */
export class PostgresMigrationTarget implements MigrationTarget {
  readonly description: string;
  private readonly table: PostgresTables;
  private readonly migration: ReturnType<typeof migrationTablesOf>;
  private client: PoolClient | null = null;
  private runId: string | null = null;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
  ) {
    this.table = tablesOf(schema);
    this.migration = migrationTablesOf(schema);
    this.description = `postgres schema "${schema}"`;
  }

  async open(source: MigrationSource): Promise<MigrationProgress> {
    await createSchema(this.pool, this.schema);
    await refuseTransactionIdsAhead(this.pool, this.table);
    await this.pool.query(postgresMigrationTables(this.schema));
    const client = await this.pool.connect();
    this.client = client;
    const { rows: locked } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked', [
      `migrate:${this.schema}`,
    ]);
    if (!locked[0].locked) throw new MigrationRefusedError(`another migrate run is copying into ${this.description}: wait for it to finish (or stop it), then run again`);

    const events = await this.eventCount();
    let progress = await this.readProgress();
    if (!progress) {
      if (events > 0) {
        throw new MigrationRefusedError(
          `${this.description} already holds ${events} events that no migration wrote: migrate into an empty store (a new DATABASE_SCHEMA, or a new database)`,
        );
      }
      await client.query(`INSERT INTO ${this.migration.progress} (source, source_first_event_id) VALUES ($1, $2)`, [source.description, source.firstEventId]);
      progress = (await this.readProgress())!;
    } else if (progress.firstEventId !== source.firstEventId) {
      if (progress.eventsCopied > 0) {
        throw new MigrationRefusedError(
          `${this.description} holds a migration of another history (${progress.source}, first event ${progress.firstEventId}), not of ${source.description} ` +
            `(first event ${source.firstEventId ?? 'none'}): migrate into an empty store (a new DATABASE_SCHEMA, or a new database)`,
        );
      }
      await client.query(`UPDATE ${this.migration.progress} SET source = $1, source_first_event_id = $2`, [source.description, source.firstEventId]);
    }
    if (events !== progress.eventsCopied) {
      throw new MigrationRefusedError(
        `${this.description} holds ${events} events, but this migration wrote ${progress.eventsCopied}: it has been written to since ` +
          `(the API or another process ran on it), so it can no longer be topped up. Migrate into an empty store (a new DATABASE_SCHEMA, or a new database)`,
      );
    }
    const { rows } = await client.query<{ run_id: string }>(`INSERT INTO ${this.migration.runs} (source, events_before) VALUES ($1, $2) RETURNING run_id`, [
      source.description,
      events,
    ]);
    this.runId = rows[0].run_id;
    return { sourceCheckpoint: progress.sourceCheckpoint, eventsCopied: progress.eventsCopied };
  }

  async progress(): Promise<MigrationProgress> {
    const progress = await this.readProgress();
    return { sourceCheckpoint: progress?.sourceCheckpoint ?? null, eventsCopied: progress?.eventsCopied ?? 0 };
  }

  /**
   * One statement, so one transaction and one round trip: the caller reads the next page from
   * the source while this one is written. Its data-modifying parts all run to completion
   * (PostgreSQL runs every one in WITH whether or not the query reads it).
   */
  async copy(page: readonly GlobalEvent[], sourceCheckpoint: Checkpoint, erasedSubjects: readonly string[]): Promise<number> {
    const { events, streams, personalKeys, channel } = this.table;
    const heads = [...lastOfEachStream(page).values()];
    const { rows } = await this.requireClient().query<{ inserted: string }>(
      `WITH inserted AS (
         -- WITH ORDINALITY ... ORDER BY: positions are drawn in the page's order.
         INSERT INTO ${events} (event_id, stream_id, version, type, data, metadata, recorded_at, prev_hash, hash)
         SELECT id, stream, version, type, data, metadata, recorded_at, prev_hash, hash
         FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::jsonb[], $6::jsonb[], $7::text[], $8::text[], $9::text[])
           WITH ORDINALITY AS page(id, stream, version, type, data, metadata, recorded_at, prev_hash, hash, n)
         ORDER BY n
         RETURNING 1
       ), heads AS (
         INSERT INTO ${streams} AS head (stream_id, version, last_hash, last_recorded_at, seal)
         SELECT stream, version, last_hash, last_recorded_at, NULL
         FROM unnest($10::text[], $11::int[], $12::text[], $13::text[]) AS h(stream, version, last_hash, last_recorded_at)
         ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, last_hash = excluded.last_hash,
           last_recorded_at = excluded.last_recorded_at, seal = NULL
         RETURNING 1
       ), erased AS (
         DELETE FROM ${personalKeys} WHERE subject_id = ANY($14::text[]) RETURNING 1
       ), progress AS (
         UPDATE ${this.migration.progress} SET source_checkpoint = $15, events_copied = events_copied + $16, updated_at = now() RETURNING 1
       )
       SELECT (SELECT count(*) FROM inserted) AS inserted, pg_notify($17, 'migrate')`,
      [
        page.map((e) => e.id),
        page.map((e) => e.streamId),
        page.map((e) => e.version),
        page.map((e) => e.type),
        page.map((e) => JSON.stringify(e.data)),
        page.map((e) => JSON.stringify(e.metadata)),
        page.map((e) => e.recordedAt),
        page.map((e) => e.prevHash),
        page.map((e) => e.hash),
        heads.map((e) => e.streamId),
        heads.map((e) => e.version),
        heads.map((e) => e.hash),
        heads.map((e) => e.recordedAt),
        [...erasedSubjects],
        sourceCheckpoint,
        page.length,
        channel,
      ],
    );
    return Number(rows[0].inserted);
  }

  async copyCompanion(rows: CompanionRows): Promise<CompanionCopied> {
    return this.inTransaction((client) => upsertCompanionRows(client, this.table, rows));
  }

  async finish(): Promise<void> {
    const client = this.requireClient();
    await client.query(`UPDATE ${this.migration.progress} SET finished_at = now()`);
    await client.query(`UPDATE ${this.migration.runs} SET finished_at = now(), events_after = $2 WHERE run_id = $1`, [this.runId, await this.eventCount()]);
  }

  async close(): Promise<void> {
    // Ending the session releases its lock.
    this.client?.release(true);
    this.client = null;
    await this.pool.end();
  }

  private async eventCount(): Promise<number> {
    const { rows } = await this.pool.query<{ count: string }>(`SELECT count(*) AS count FROM ${this.table.events}`);
    return Number(rows[0].count);
  }

  private async readProgress() {
    const { rows } = await this.pool.query<{ source: string; source_first_event_id: string | null; source_checkpoint: string | null; events_copied: string }>(
      `SELECT source, source_first_event_id, source_checkpoint, events_copied FROM ${this.migration.progress}`,
    );
    const row = rows[0];
    if (!row) return undefined;
    return { source: row.source, firstEventId: row.source_first_event_id, sourceCheckpoint: row.source_checkpoint, eventsCopied: Number(row.events_copied) };
  }

  private requireClient(): PoolClient {
    if (!this.client) throw new Error('the migration target is not open: call open() first');
    return this.client;
  }

  private inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return inTransactionOn(this.requireClient(), work);
  }

}

/** Each stream's last event in the page: where its head row stands after the page. */
function lastOfEachStream(page: readonly GlobalEvent[]): Map<string, GlobalEvent> {
  const last = new Map<string, GlobalEvent>();
  for (const event of page) {
    const seen = last.get(event.streamId);
    if (!seen || seen.version < event.version) last.set(event.streamId, event);
  }
  return last;
}

/** The target DATABASE_URL and DATABASE_SCHEMA name (the API's settings). */
export const openPostgresTarget: MigrationTargetFactory = async (env) => {
  const settings = loadSettings(env);
  if (!settings.databaseUrl) throw new MigrationRefusedError('--to postgres needs DATABASE_URL (and DATABASE_SCHEMA, default public) naming the target store');
  // Two connections: one holds the run's lock and writes, the other reads alongside.
  const pool = new Pool({ connectionString: settings.databaseUrl, max: 2 });
  pool.on('error', () => undefined); // an idle client dropped by the server; the next query says so
  return new PostgresMigrationTarget(pool, settings.databaseSchema);
};
