import type { PoolClient } from 'pg';
import type { PostgresTables } from '@app/event-store/postgres/postgresSchema';
import type { CompanionCopied, CompanionRows } from './migrationTarget';

/**
 * Upserts what a PostgreSQL database keeps beside the events (unique keys, sequences, personal-data
 * keys, sealed heads, idempotency records), in the caller's transaction, changing only rows that
 * differ: a rerun with nothing new changes 0 rows. The PostgreSQL target and the EventStoreDB
 * target's PostgreSQL companion both copy through here.
 */
export async function upsertCompanionRows(client: PoolClient, table: PostgresTables, rows: CompanionRows): Promise<CompanionCopied> {
  const { uniqueKeys, sequences, personalKeys, streams, idempotency } = table;
  const changed = async (sql: string, values: unknown[], count: number) => (count === 0 ? 0 : ((await client.query(sql, values)).rowCount ?? 0));
  const keys = rows.uniqueKeys ?? [];
  const named = rows.sequences ?? [];
  const subjects = rows.personalKeys ?? [];
  const heads = rows.streamHeads ?? [];
  const records = rows.idempotencyRecords ?? [];
  return {
    uniqueKeys: await changed(
      `INSERT INTO ${uniqueKeys} AS u (scope, key, stream_id) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT (scope, key) DO UPDATE SET stream_id = excluded.stream_id WHERE u.stream_id <> excluded.stream_id`,
      [keys.map((k) => k.scope), keys.map((k) => k.key), keys.map((k) => k.streamId)],
      keys.length,
    ),
    // Only ever raised: a number the source handed out must never be handed out again.
    sequences: await changed(
      `INSERT INTO ${sequences} AS s (name, value) SELECT * FROM unnest($1::text[], $2::bigint[])
       ON CONFLICT (name) DO UPDATE SET value = excluded.value WHERE s.value < excluded.value`,
      [named.map((s) => s.name), named.map((s) => s.value)],
      named.length,
    ),
    personalKeys: await changed(
      `INSERT INTO ${personalKeys} AS p (subject_id, lookup, key, created_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::bytea[], $4::timestamptz[])
       ON CONFLICT (subject_id) DO UPDATE SET lookup = excluded.lookup, key = excluded.key, created_at = excluded.created_at
       WHERE (p.lookup, p.key, p.created_at) IS DISTINCT FROM (excluded.lookup, excluded.key, excluded.created_at)`,
      [subjects.map((k) => k.subjectId), subjects.map((k) => k.lookup), subjects.map((k) => k.key), subjects.map((k) => k.createdAt)],
      subjects.length,
    ),
    streamHeads: await changed(
      `INSERT INTO ${streams} AS head (stream_id, version, last_hash, last_recorded_at, seal)
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[])
       ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, last_hash = excluded.last_hash,
         last_recorded_at = excluded.last_recorded_at, seal = excluded.seal
       WHERE (head.version, head.last_hash, head.last_recorded_at, head.seal)
         IS DISTINCT FROM (excluded.version, excluded.last_hash, excluded.last_recorded_at, excluded.seal)`,
      [heads.map((h) => h.streamId), heads.map((h) => h.version), heads.map((h) => h.lastHash), heads.map((h) => h.lastRecordedAt), heads.map((h) => h.seal)],
      heads.length,
    ),
    idempotencyRecords: await changed(
      `INSERT INTO ${idempotency} AS i (scope, key, request_hash, claim_token, claimed_at, response_status, response_body, completed_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::int[], $7::jsonb[], $8::timestamptz[])
       ON CONFLICT (scope, key) DO UPDATE SET request_hash = excluded.request_hash, claim_token = excluded.claim_token,
         claimed_at = excluded.claimed_at, response_status = excluded.response_status, response_body = excluded.response_body,
         completed_at = excluded.completed_at
       WHERE (i.request_hash, i.claim_token, i.claimed_at, i.response_status, i.response_body, i.completed_at)
         IS DISTINCT FROM (excluded.request_hash, excluded.claim_token, excluded.claimed_at, excluded.response_status, excluded.response_body, excluded.completed_at)`,
      [
        records.map((r) => r.scope),
        records.map((r) => r.key),
        records.map((r) => r.requestHash),
        records.map((r) => r.claimToken),
        records.map((r) => r.claimedAt),
        records.map((r) => r.responseStatus),
        records.map((r) => (r.responseBody === null || r.responseBody === undefined ? null : JSON.stringify(r.responseBody))),
        records.map((r) => r.completedAt),
      ],
      records.length,
    ),
  };
}
