import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ReadModelDb, SqlExecutor, SqlValue } from './readModelDb';

interface Prepared {
  readonly statement: Database.Statement;
  /** For each `?` in the rewritten SQL, which `$n` parameter it takes. */
  readonly order: number[];
}

/**
 * Read models in a SQLite file of their own (WAL). Writes go through one connection, one
 * transaction at a time (BEGIN IMMEDIATE, so another process on the file waits its turn);
 * reads use a second connection, so they never see a transaction half done.
 */
export class SqliteReadModelDb implements ReadModelDb {
  readonly dialect = 'sqlite' as const;
  private readonly writer: Connection;
  private readonly reader: Connection;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const writer = new Database(file);
    writer.pragma('journal_mode = WAL');
    // A crash may lose the last commits of a read model, never split one from its checkpoint:
    // they are in the same transaction, and the projection catches up again from there.
    writer.pragma('synchronous = NORMAL');
    writer.pragma('busy_timeout = 10000');
    this.writer = new Connection(writer);
    this.reader = file === ':memory:' ? this.writer : new Connection(new Database(file, { readonly: false }));
  }

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.reader.all<T>(sql, params);
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return this.transaction((tx) => tx.run(sql, params));
  }

  async exec(sql: string): Promise<void> {
    await this.transaction((tx) => tx.exec(sql));
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const next = this.queue.then(() => this.writer.inTransaction(work));
    this.queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.queue;
    this.writer.db.close();
    if (this.reader !== this.writer) this.reader.db.close();
  }
}

class Connection implements SqlExecutor {
  readonly dialect = 'sqlite' as const;
  private readonly prepared = new Map<string, Prepared>();

  constructor(readonly db: Database.Database) {}

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    const { statement, order } = this.prepare(sql);
    return statement.all(...bind(order, params)) as T[];
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    const { statement, order } = this.prepare(sql);
    return statement.run(...bind(order, params)).changes;
  }

  async exec(sql: string): Promise<void> {
    this.db.exec(sql);
  }

  async inTransaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = await work(this);
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  private prepare(sql: string): Prepared {
    let prepared = this.prepared.get(sql);
    if (!prepared) {
      const order: number[] = [];
      const rewritten = sql.replace(/\$(\d+)/g, (_, n: string) => {
        order.push(Number(n) - 1);
        return '?';
      });
      const statement = this.db.prepare(rewritten);
      prepared = { statement, order };
      // DDL changes what statements mean (a view swapped to a new table): keep only DML.
      if (statement.reader || /^\s*(INSERT|UPDATE|DELETE)/i.test(sql)) this.prepared.set(sql, prepared);
    }
    return prepared;
  }
}

function bind(order: readonly number[], params: readonly SqlValue[]): unknown[] {
  return order.map((index) => {
    const value = params[index];
    if (value === undefined) return null;
    if (typeof value === 'boolean') return value ? 1 : 0;
    return value;
  });
}
