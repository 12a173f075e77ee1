import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { PostgresReadModelDb, type ReadModelDb, SqliteReadModelDb } from '@app/projections';
import type { BenchStoreKind } from './generatedStore';

export interface FreshReadModels {
  readonly db: ReadModelDb;
  dispose(): Promise<void>;
}

/** An empty read-model database beside nothing else: a SQLite file in a new folder, or a new schema. */
export async function freshReadModels(kind: BenchStoreKind, databaseUrl: string | undefined): Promise<FreshReadModels> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'bench-read-models-'));
    const db = new SqliteReadModelDb(join(dir, 'read-models.db'));
    return { db, dispose: async () => (await db.close(), rmSync(dir, { recursive: true, force: true })) };
  }
  const schema = `bench_read_models_${randomBytes(4).toString('hex')}`;
  const db = await PostgresReadModelDb.connect({ connectionString: databaseUrl!, schema });
  return {
    db,
    dispose: async () => {
      await db.close();
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}
