import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresEventStore, SqliteEventStore } from '@app/event-store';
import { SQLITE_PRAGMAS } from '@app/event-store/sqlite/sqliteSchema';
import type { Appender } from './appender';
import { dropSchema, postgresDurability, scratchSchemaName } from './scratchSchema';

/**
 * This project's SQLite store as the app opens it (its own pragmas: WAL, synchronous=FULL; stream
 * heads sealed), on a fresh file.
 */
export function ourSqliteAppender(): Appender {
  const dir = mkdtempSync(join(tmpdir(), 'bench-ours-sqlite-'));
  const file = join(dir, 'events.db');
  const store = new SqliteEventStore({ file, headSealKey: randomBytes(32) });
  return {
    durability: SQLITE_PRAGMAS.filter((pragma) => /journal_mode|synchronous/.test(pragma)).join(', '),
    append: async (streamId, expectedVersion, event) => {
      await store.append(streamId, [event], expectedVersion);
    },
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** This project's PostgreSQL store as the app opens it (its defaults, heads sealed), in a fresh schema dropped afterwards. */
export async function ourPostgresAppender(databaseUrl: string): Promise<Appender> {
  const schema = scratchSchemaName('ours');
  const store = await PostgresEventStore.connect({ connectionString: databaseUrl, schema, headSealKey: randomBytes(32) });
  return {
    durability: await postgresDurability(databaseUrl),
    append: async (streamId, expectedVersion, event) => {
      await store.append(streamId, [event], expectedVersion);
    },
    close: async () => {
      await store.close();
      await dropSchema(databaseUrl, schema);
    },
  };
}
