/**
 * Where read models live: a SQLite file of their own (embedded) or a PostgreSQL schema. One
 * SQL dialect serves both: `$1`-style parameters, types both accept (TEXT, BIGINT, DOUBLE
 * PRECISION, INTEGER for booleans), `ON CONFLICT ... DO UPDATE`; JSON is stored as text.
 */
export type Dialect = 'sqlite' | 'postgres';

export type SqlValue = string | number | boolean | null | undefined;

export interface SqlExecutor {
  readonly dialect: Dialect;
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs a statement; answers the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Runs several statements without parameters (DDL). */
  exec(sql: string): Promise<void>;
}

export interface ReadModelDb extends SqlExecutor {
  /**
   * Runs `work` in one write transaction: all of it is kept, or none. Write transactions are
   * serialised (one writer at a time, in this process and across processes).
   */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A row's first column as a number (counts come back as text from PostgreSQL). */
export const numberOf = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
