import type { Pool } from 'pg';
import type { IdempotencyClaim } from '../idempotency.port';
import { type IdempotencyRow, type IdempotencyRows, outcomeOf } from '../idempotencyClaim';

interface ClaimRow {
  request_hash: string;
  claim_token: string;
  claimed_at: Date;
  response_status: number | null;
  response_body: unknown;
  completed_at: Date | null;
}

/** The idempotency_keys row operations that the shared claiming rules need. */
export class PostgresIdempotencyRows implements IdempotencyRows {
  constructor(
    private readonly pool: Pool,
    private readonly table: string,
  ) {}

  async insertClaim(claim: IdempotencyClaim, token: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO ${this.table} (scope, key, request_hash, claim_token, claimed_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [claim.scope, claim.key, claim.requestHash, token, claim.now],
    );
    return rowCount === 1;
  }

  async find(scope: string, key: string): Promise<IdempotencyRow | undefined> {
    const { rows } = await this.pool.query<ClaimRow>(
      `SELECT request_hash, claim_token, claimed_at, response_status, response_body, completed_at FROM ${this.table} WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      requestHash: row.request_hash,
      token: row.claim_token,
      claimedAt: row.claimed_at.toISOString(),
      ...(row.completed_at !== null && { completed: outcomeOf(row.response_status, row.response_body) }),
    };
  }

  async takeOver(scope: string, key: string, staleToken: string, token: string, now: Date): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE ${this.table} SET claim_token = $4, claimed_at = $5
       WHERE scope = $1 AND key = $2 AND claim_token = $3 AND completed_at IS NULL`,
      [scope, key, staleToken, token, now],
    );
    return rowCount === 1;
  }

  async deleteExpired(before: Date): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.table} WHERE completed_at < $1 OR (completed_at IS NULL AND claimed_at < $1)`, [before]);
  }

  async release(scope: string, key: string, token: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.table} WHERE scope = $1 AND key = $2 AND claim_token = $3 AND completed_at IS NULL`, [
      scope,
      key,
      token,
    ]);
  }
}
