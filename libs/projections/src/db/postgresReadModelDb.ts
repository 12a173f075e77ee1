import { Pool, type PoolClient } from 'pg';
import { inTransaction } from '@app/event-store';
import type { ReadModelDb, SqlExecutor, SqlValue } from './readModelDb';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,40}$/;
/** The event store's schema lock (libs/event-store postgresSchema.ts): one CREATE SCHEMA at a time. */
const SCHEMA_LOCK = 727_311;

/** Read models in a PostgreSQL schema (the store's DATABASE_SCHEMA: tables, views and checkpoints). */
export class PostgresReadModelDb implements ReadModelDb {
  readonly dialect = 'postgres' as const;

  private constructor(private readonly pool: Pool) {}

  static async connect(options: { connectionString: string; schema: string; poolSize?: number }): Promise<PostgresReadModelDb> {
    if (!SCHEMA_NAME.test(options.schema)) throw new Error(`invalid schema name ${options.schema}`);
    const pool = new Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 5,
      // Unqualified names are the read models' own: every statement finds them in the schema.
      options: `-c search_path="${options.schema}"`,
    });
    // The event store creates the same schema: processes starting together take turns.
    await inTransaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
    });
    return new PostgresReadModelDb(pool);
  }

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return (await this.pool.query(sql, normalise(params))).rows as T[];
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return (await this.pool.query(sql, normalise(params))).rowCount ?? 0;
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, (client) => work(new ClientExecutor(client)));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

class ClientExecutor implements SqlExecutor {
  readonly dialect = 'postgres' as const;

  constructor(private readonly client: PoolClient) {}

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return (await this.client.query(sql, normalise(params))).rows as T[];
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return (await this.client.query(sql, normalise(params))).rowCount ?? 0;
  }

  async exec(sql: string): Promise<void> {
    await this.client.query(sql);
  }
}

/** Booleans are stored as integers on both dialects. */
const normalise = (params: readonly SqlValue[]) => params.map((value) => (value === undefined ? null : typeof value === 'boolean' ? Number(value) : value));
