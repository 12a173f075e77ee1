import type { Pool } from 'pg';
import { inTransaction } from './postgresTransaction';
import { personalKeysTableOf, postgresPersonalKeysSchema } from './postgresPersonalKeys';
import { appendFunctionSql } from './postgresAppendFunction';

/**
 * The PostgreSQL store's tables. Each event row records the id of the transaction that wrote
 * it: readers of the whole store only take rows from transactions older than every one still
 * in flight, so an event that commits late is never skipped (see readAll in the adapter).
 */
export const postgresSchema = (schema: string) => `
CREATE SCHEMA IF NOT EXISTS "${schema}";
CREATE TABLE IF NOT EXISTS "${schema}".streams (
  stream_id        text PRIMARY KEY,
  version          integer NOT NULL,
  last_hash        text,
  last_recorded_at text,
  seal             text
);
-- Head columns added after the first schemas were created: idempotent for those.
ALTER TABLE "${schema}".streams ADD COLUMN IF NOT EXISTS last_recorded_at text;
ALTER TABLE "${schema}".streams ADD COLUMN IF NOT EXISTS seal text;
CREATE TABLE IF NOT EXISTS "${schema}".events (
  global_position bigserial PRIMARY KEY,
  transaction_id  xid8 NOT NULL DEFAULT pg_current_xact_id(),
  event_id        uuid NOT NULL UNIQUE,
  stream_id       text NOT NULL,
  version         integer NOT NULL,
  type            text NOT NULL,
  data            jsonb NOT NULL,
  metadata        jsonb NOT NULL,
  recorded_at     text NOT NULL,
  prev_hash       text,
  hash            text NOT NULL,
  UNIQUE (stream_id, version)
);
CREATE INDEX IF NOT EXISTS events_transaction_position ON "${schema}".events (transaction_id, global_position);
CREATE TABLE IF NOT EXISTS "${schema}".idempotency_keys (
  scope           text NOT NULL,
  key             text NOT NULL,
  request_hash    text NOT NULL,
  claim_token     text NOT NULL,
  claimed_at      timestamptz NOT NULL,
  response_status integer,
  response_body   jsonb,
  completed_at    timestamptz,
  PRIMARY KEY (scope, key)
);
CREATE TABLE IF NOT EXISTS "${schema}".unique_keys (
  scope     text NOT NULL,
  key       text NOT NULL,
  stream_id text NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE TABLE IF NOT EXISTS "${schema}".sequences (
  name  text PRIMARY KEY,
  value bigint NOT NULL
);
`;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,40}$/;
// Any fixed number: serialises schema creation between processes starting together.
const SCHEMA_LOCK = 727_311;

/** The store's qualified table names and notification channel, for a validated schema name. */
export function tablesOf(schema: string) {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name ${schema}`);
  return {
    events: `"${schema}".events`,
    streams: `"${schema}".streams`,
    idempotency: `"${schema}".idempotency_keys`,
    sequences: `"${schema}".sequences`,
    uniqueKeys: `"${schema}".unique_keys`,
    personalKeys: personalKeysTableOf(schema),
    channel: `event_store_${schema}`,
    appendBatch: `"${schema}".append_batch`,
  };
}
export type PostgresTables = ReturnType<typeof tablesOf>;

/** Creates the schema if missing; an advisory lock keeps processes starting together apart. */
export async function createSchema(pool: Pool, schema: string): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
    await client.query(postgresSchema(schema));
    await client.query(postgresPersonalKeysSchema(schema));
    await client.query(appendFunctionSql(schema));
  });
}
