import { join } from 'node:path';
import type { ReadModelDb } from './db/readModelDb';
import { PostgresReadModelDb } from './db/postgresReadModelDb';
import { SqliteReadModelDb } from './db/sqliteReadModelDb';

export type ReadModelLocation =
  | { readonly kind: 'sqlite'; readonly dataDir: string }
  | { readonly kind: 'postgres'; readonly connectionString: string; readonly schema: string };

/** The read models' database: `read-models.db` beside the events file, or the store's PostgreSQL schema. */
export async function openReadModels(location: ReadModelLocation): Promise<ReadModelDb> {
  return location.kind === 'sqlite'
    ? new SqliteReadModelDb(join(location.dataDir, 'read-models.db'))
    : PostgresReadModelDb.connect({ connectionString: location.connectionString, schema: location.schema });
}
