import type { Pool } from 'pg';
import type { SealedHead } from '../appendPlan';
import type { CompanionWrites } from '../companionWrites.port';
import { DuplicateKeyError, IdempotencyClaimLostError } from '../errors';
import type { AppendOptions, UniqueKey } from '../eventStore.port';
import { shredPostgresPersonalKeys } from './postgresPersonalKeys';
import type { PostgresTables } from './postgresSchema';
import { inTransaction } from './postgresTransaction';

/**
 * The PostgreSQL schema as the companion of an event store without transactions (see
 * CompanionWrites): each call one transaction on the store's tables. A concurrent taker of the
 * same unique key waits on the key's row and then finds it taken, as in the store's own appends.
 */
export class PostgresCompanionWrites implements CompanionWrites {
  constructor(
    private readonly pool: Pool,
    private readonly table: PostgresTables,
  ) {}

  async reserve(streamId: string, options: AppendOptions, now: Date): Promise<UniqueKey[]> {
    const { idempotency, uniqueKeys } = this.table;
    return inTransaction(this.pool, async (client) => {
      const claim = options.idempotency;
      if (claim) {
        const renewed = await client.query(
          `UPDATE ${idempotency} SET claimed_at = $4 WHERE scope = $1 AND key = $2 AND claim_token = $3 AND completed_at IS NULL`,
          [claim.scope, claim.key, claim.claimToken, now],
        );
        if (renewed.rowCount !== 1) throw new IdempotencyClaimLostError(claim.scope, claim.key);
      }
      const taken: UniqueKey[] = [];
      for (const { scope, key } of options.uniqueKeys ?? []) {
        const inserted = await client.query(`INSERT INTO ${uniqueKeys} (scope, key, stream_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
          scope,
          key,
          streamId,
        ]);
        if (inserted.rowCount === 1) {
          taken.push({ scope, key });
          continue;
        }
        const { rows } = await client.query<{ stream_id: string }>(`SELECT stream_id FROM ${uniqueKeys} WHERE scope = $1 AND key = $2`, [scope, key]);
        if (rows[0]?.stream_id !== streamId) throw new DuplicateKeyError(scope, key);
      }
      return taken;
    });
  }

  async releaseKeys(streamId: string, keys: readonly UniqueKey[]): Promise<void> {
    if (keys.length === 0) return;
    await this.pool.query(
      `DELETE FROM ${this.table.uniqueKeys} u USING unnest($1::text[], $2::text[]) AS k(scope, key)
       WHERE u.scope = k.scope AND u.key = k.key AND u.stream_id = $3`,
      [keys.map((k) => k.scope), keys.map((k) => k.key), streamId],
    );
  }

  async recordBesideAppend(streamId: string, head: SealedHead | undefined, options: AppendOptions, now: Date): Promise<boolean> {
    const { streams, idempotency, personalKeys } = this.table;
    const completed = await inTransaction(this.pool, async (client) => {
      if (options.shredSubjects?.length) await shredPostgresPersonalKeys(client, personalKeys, options.shredSubjects);
      // Never back: another process's later append to the stream may have recorded first.
      if (head) {
        await client.query(
          `INSERT INTO ${streams} (stream_id, version, last_hash, last_recorded_at, seal) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, last_hash = excluded.last_hash,
             last_recorded_at = excluded.last_recorded_at, seal = excluded.seal
           WHERE excluded.version > ${streams}.version`,
          [streamId, head.version, head.lastHash, head.lastRecordedAt, head.seal],
        );
      }
      const claim = options.idempotency;
      if (!claim) return true;
      const done = await client.query(
        `UPDATE ${idempotency} SET response_body = $4, completed_at = $5
         WHERE scope = $1 AND key = $2 AND claim_token = $3 AND completed_at IS NULL`,
        [claim.scope, claim.key, claim.claimToken, JSON.stringify(claim.outcome ?? null), now],
      );
      return done.rowCount === 1;
    });
    // Outside the transaction, as VACUUM must be: the erased keys' dead rows are reclaimed.
    if (options.shredSubjects?.length) await this.pool.query(`VACUUM ${personalKeys}`);
    return completed;
  }
}
