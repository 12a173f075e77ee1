import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** A fresh schema name per run: the appenders never see each other's tables or an earlier run's. */
export const scratchSchemaName = (prefix: string) => `bench_${prefix}_${randomBytes(4).toString('hex')}`;

/** Runs statements on a short-lived connection of its own (schema set-up and clean-up). */
export async function adminQuery(databaseUrl: string, sql: string): Promise<Array<Record<string, unknown>>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Array<Record<string, unknown>>;
  } finally {
    await client.end();
  }
}

export const dropSchema = (databaseUrl: string, schema: string) => adminQuery(databaseUrl, `DROP SCHEMA IF EXISTS "${schema}" CASCADE`);

/** What the server's commits wait for: 'on' waits for the WAL's fsync, like every PostgreSQL row here. */
export async function postgresDurability(databaseUrl: string): Promise<string> {
  const [commit] = await adminQuery(databaseUrl, 'SHOW synchronous_commit');
  const [fsync] = await adminQuery(databaseUrl, 'SHOW fsync');
  return `synchronous_commit=${String(commit.synchronous_commit)}, fsync=${String(fsync.fsync)}`;
}
