import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Appender } from './appender';
import { type EmmettEventStore, loadPeerModule } from './peerModule';
import { adminQuery, dropSchema, postgresDurability, scratchSchemaName } from './scratchSchema';

interface EmmettSqliteModule {
  getSQLiteEventStore(options: { readonly fileName: string; readonly schema?: { readonly autoMigration?: 'None' | 'CreateOrUpdate' } }): EmmettEventStore;
}

interface EmmettPostgresModule {
  getPostgreSQLEventStore(connectionString: string): EmmettEventStore;
}

interface Sqlite3Database {
  get(sql: string, callback: (error: Error | null, row: Record<string, unknown>) => void): void;
  close(callback: () => void): void;
}

interface Sqlite3Module {
  Database: new (file: string) => Sqlite3Database;
}

/**
 * Emmett's SQLite event store from its factory, with its defaults, on a fresh file. It opens its own
 * connections (the sqlite3 driver) with journal_mode=WAL and SQLite's default synchronous,
 * which this driver builds as FULL: read back here rather than assumed.
 */
export async function emmettSqliteAppender(): Promise<Appender> {
  const { getSQLiteEventStore } = loadPeerModule<EmmettSqliteModule>('emmett-sqlite', '@event-driven-io/emmett-sqlite');
  const dir = mkdtempSync(join(tmpdir(), 'bench-emmett-sqlite-'));
  const fileName = join(dir, 'emmett.db');
  const durability = await sqlite3Durability(fileName);
  const store = getSQLiteEventStore({ fileName, schema: { autoMigration: 'CreateOrUpdate' } });
  // With appends in flight together, its driver emits errors no one listens to (a statement run
  // without a callback on a connection another append closed), which would end the process:
  // counted and reported instead, beside the appends that failed or never answered.
  let strayErrors = 0;
  let firstStray = '';
  process.on('uncaughtException', (error) => {
    strayErrors++;
    firstStray ||= error.message.split('\n')[0];
  });
  return {
    durability,
    remarks: () => {
      const remark = strayErrors > 0 ? `${strayErrors} errors thrown outside any append (${firstStray})` : '';
      strayErrors = 0;
      firstStray = '';
      return remark;
    },
    append: async (streamId, expectedVersion, event) => {
      await store.appendToStream(streamId, [{ type: event.type, data: event.data, metadata: event.metadata }], { expectedStreamVersion: BigInt(expectedVersion) });
    },
    close: async () => {
      await store.close?.();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What a new sqlite3 connection of Emmett's gets: WAL (it sets it), and the driver's default synchronous. */
async function sqlite3Durability(fileName: string): Promise<string> {
  const sqlite3 = loadPeerModule<Sqlite3Module>('emmett-sqlite', 'sqlite3');
  const db = new sqlite3.Database(fileName);
  // One statement at a time: the driver runs statements side by side otherwise.
  const read = (pragma: string) =>
    new Promise<unknown>((resolve, reject) => db.get(`PRAGMA ${pragma}`, (error, row) => (error ? reject(error) : resolve(Object.values(row)[0]))));
  try {
    return `journal_mode=${String(await read('journal_mode = WAL'))}, synchronous=${String(await read('synchronous'))} (2: FULL, the driver's default)`;
  } finally {
    await new Promise<void>((resolve) => db.close(resolve));
  }
}

/**
 * Emmett's PostgreSQL event store from its factory, with its defaults (a connection string, its
 * own pool of pg's default size), in a fresh schema: the connection's search_path names it,
 * since Emmett creates its tables unqualified.
 */
export async function emmettPostgresAppender(databaseUrl: string): Promise<Appender> {
  const { getPostgreSQLEventStore } = loadPeerModule<EmmettPostgresModule>('emmett-postgresql', '@event-driven-io/emmett-postgresql');
  const schema = scratchSchemaName('emmett');
  await adminQuery(databaseUrl, `CREATE SCHEMA "${schema}"`);
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const store = getPostgreSQLEventStore(url.toString());
  return {
    durability: await postgresDurability(databaseUrl),
    append: async (streamId, expectedVersion, event) => {
      await store.appendToStream(streamId, [{ type: event.type, data: event.data, metadata: event.metadata }], { expectedStreamVersion: BigInt(expectedVersion) });
    },
    close: async () => {
      await store.close?.();
      await dropSchema(databaseUrl, schema);
    },
  };
}
