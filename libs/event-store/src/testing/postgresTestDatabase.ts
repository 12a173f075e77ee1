import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** PostgreSQL tests run against TEST_DATABASE_URL, each suite in a scratch schema of its own. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

/**
 * `describe` when PostgreSQL is configured; otherwise one skipped test whose name says why,
 * and a warning in the output. Under CI a missing database is an error, never a silent skip.
 */
export function describeWithPostgres(name: string, suite: () => void): void {
  if (TEST_DATABASE_URL) return describe(name, suite);
  if (process.env.CI === 'true') throw new Error(`${name}: CI must run the PostgreSQL tests, but TEST_DATABASE_URL is not set`);
  console.warn(`SKIPPED ${name}: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run the PostgreSQL tests`);
  describe(name, () => {
    it.skip('needs PostgreSQL: set TEST_DATABASE_URL to run these tests', () => undefined);
  });
}

export const scratchSchemaName = (prefix: string) => `${prefix}_${randomBytes(5).toString('hex')}`;

export async function dropSchema(schema: string): Promise<void> {
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
