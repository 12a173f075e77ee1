import type Database from 'better-sqlite3';
import type { SealedHead } from '../appendPlan';
import type { CompanionWrites } from '../companionWrites.port';
import { DuplicateKeyError, IdempotencyClaimLostError } from '../errors';
import type { AppendOptions, UniqueKey } from '../eventStore.port';
import { checkpointAfterShredding, shredSqlitePersonalKeys } from './sqlitePersonalKeys';

/**
 * The SQLite file as the companion of an event store without transactions (see CompanionWrites):
 * its own statements on the store's tables, each call one IMMEDIATE transaction (fsynced, as
 * every commit on this file is).
 */
export class SqliteCompanionWrites implements CompanionWrites {
  private readonly renewClaim: Database.Statement<[string, string, string, string]>;
  private readonly takeKey: Database.Statement<[string, string, string]>;
  private readonly holderOf: Database.Statement<[string, string], { stream_id: string }>;
  private readonly dropKey: Database.Statement<[string, string, string]>;
  private readonly complete: Database.Statement<[string, string, string, string, string]>;
  private readonly upsertHead: Database.Statement<[string, number, string, string, string | null]>;

  constructor(private readonly db: Database.Database) {
    this.renewClaim = db.prepare('UPDATE idempotency_keys SET claimed_at = ? WHERE scope = ? AND key = ? AND claim_token = ? AND completed_at IS NULL');
    this.takeKey = db.prepare('INSERT INTO unique_keys (scope, key, stream_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
    this.holderOf = db.prepare('SELECT stream_id FROM unique_keys WHERE scope = ? AND key = ?');
    this.dropKey = db.prepare('DELETE FROM unique_keys WHERE scope = ? AND key = ? AND stream_id = ?');
    this.complete = db.prepare(
      'UPDATE idempotency_keys SET response_body = ?, completed_at = ? WHERE scope = ? AND key = ? AND claim_token = ? AND completed_at IS NULL',
    );
    this.upsertHead = db.prepare(
      `INSERT INTO streams (stream_id, version, last_hash, last_recorded_at, seal) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, last_hash = excluded.last_hash,
         last_recorded_at = excluded.last_recorded_at, seal = excluded.seal
       WHERE excluded.version > streams.version`,
    );
  }

  async reserve(streamId: string, options: AppendOptions, now: Date): Promise<UniqueKey[]> {
    return this.db
      .transaction((): UniqueKey[] => {
        const claim = options.idempotency;
        if (claim && this.renewClaim.run(now.toISOString(), claim.scope, claim.key, claim.claimToken).changes !== 1) {
          throw new IdempotencyClaimLostError(claim.scope, claim.key);
        }
        const taken: UniqueKey[] = [];
        for (const { scope, key } of options.uniqueKeys ?? []) {
          if (this.takeKey.run(scope, key, streamId).changes === 1) taken.push({ scope, key });
          else if (this.holderOf.get(scope, key)?.stream_id !== streamId) throw new DuplicateKeyError(scope, key);
        }
        return taken;
      })
      .immediate();
  }

  async releaseKeys(streamId: string, keys: readonly UniqueKey[]): Promise<void> {
    if (keys.length === 0) return;
    this.db.transaction(() => keys.forEach(({ scope, key }) => this.dropKey.run(scope, key, streamId))).immediate();
  }

  async recordBesideAppend(streamId: string, head: SealedHead | undefined, options: AppendOptions, now: Date): Promise<boolean> {
    const completed = this.db
      .transaction((): boolean => {
        if (options.shredSubjects?.length) shredSqlitePersonalKeys(this.db, options.shredSubjects);
        // Never back: another process's later append to the stream may have recorded first.
        if (head) this.upsertHead.run(streamId, head.version, head.lastHash, head.lastRecordedAt, head.seal);
        const claim = options.idempotency;
        if (!claim) return true;
        const outcome = JSON.stringify(claim.outcome ?? null);
        return this.complete.run(outcome, now.toISOString(), claim.scope, claim.key, claim.claimToken).changes === 1;
      })
      .immediate();
    // As the store's own erasures do: the WAL's old page images that held the keys go too.
    if (options.shredSubjects?.length) checkpointAfterShredding(this.db);
    return completed;
  }
}
