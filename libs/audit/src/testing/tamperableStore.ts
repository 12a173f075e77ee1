import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { type Clock, type EventStoreAdapter, PostgresEventStore, SqliteEventStore } from '@app/event-store';
import { dropSchema, scratchSchemaName, TEST_DATABASE_URL } from '@app/event-store/testing/postgresTestDatabase';
import { AuditKeys } from '../auditKeys';
import { headSealKeyOf } from '../verify/headSealKey';

export type StoreKind = 'sqlite' | 'postgres';

/**
 * A real store, sealed with fresh audit keys, and a raw SQL connection of its own to tamper with
 * it as someone with write access to the database would: the SQLite file opened a second time,
 * or a PostgreSQL session on the store's schema. Statements use `?` placeholders on both.
 */
export interface TamperableStore {
  readonly store: EventStoreAdapter;
  readonly keys: AuditKeys;
  sql<R = Record<string, unknown>>(statement: string, params?: readonly unknown[]): Promise<R[]>;
  dispose(): Promise<void>;
}

export const newAuditKeys = (): AuditKeys =>
  AuditKeys.fromPem(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'test');

export async function openTamperableStore(kind: StoreKind, clock?: Clock): Promise<TamperableStore> {
  const keys = newAuditKeys();
  const headSealKey = headSealKeyOf(keys);
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'audit-verify-'));
    const file = join(dir, 'events.db');
    const store = new SqliteEventStore({ file, clock, headSealKey, pollMs: 50 });
    const raw = new Database(file);
    return {
      store,
      keys,
      sql: async <R>(statement: string, params: readonly unknown[] = []) => {
        const prepared = raw.prepare(statement);
        return (prepared.reader ? prepared.all(...params) : (prepared.run(...params), [])) as R[];
      },
      dispose: async () => {
        raw.close();
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = scratchSchemaName('audit');
  const store = await PostgresEventStore.connect({ connectionString: TEST_DATABASE_URL!, schema, clock, headSealKey, pollMs: 50 });
  const raw = new Client({ connectionString: TEST_DATABASE_URL });
  await raw.connect();
  await raw.query(`SET search_path TO "${schema}"`);
  return {
    store,
    keys,
    sql: async <R>(statement: string, params: readonly unknown[] = []) => {
      let n = 0;
      const { rows } = await raw.query(statement.replace(/\?/g, () => `$${++n}`), [...params]);
      return rows as R[];
    },
    dispose: async () => {
      await raw.end();
      await store.close();
      await dropSchema(schema);
    },
  };
}
