import { randomUUID } from 'node:crypto';
import type { StoredResponse } from './eventStore.port';
import type { ClaimResult, IdempotencyClaim } from './idempotency.port';

/** The few row operations an adapter provides; the claiming rules are written once, here. */
export interface IdempotencyRows {
  /** Insert a pending claim; false if the key is already there. */
  insertClaim(claim: IdempotencyClaim, token: string): Promise<boolean>;
  find(scope: string, key: string): Promise<IdempotencyRow | undefined>;
  /** Replace a stale pending claim's token; false if it changed meanwhile. */
  takeOver(scope: string, key: string, staleToken: string, token: string, now: Date): Promise<boolean>;
  /** Delete responses completed, and claims taken and never completed, before this instant. */
  deleteExpired(before: Date): Promise<void>;
}

export interface IdempotencyRow {
  readonly requestHash: string;
  readonly token: string;
  readonly claimedAt: string;
  readonly response: StoredResponse | null;
}

const ATTEMPTS = 5;

export async function claimIdempotencyKey(rows: IdempotencyRows, claim: IdempotencyClaim): Promise<ClaimResult> {
  // Expired keys go before the claim looks: an expired response is never replayed.
  if (claim.expireBefore) await rows.deleteExpired(claim.expireBefore);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const token = randomUUID();
    if (await rows.insertClaim(claim, token)) return { kind: 'claimed', token };

    const existing = await rows.find(claim.scope, claim.key);
    if (!existing) continue; // released between our insert and our read
    if (existing.response) return { kind: 'completed', requestHash: existing.requestHash, response: existing.response };
    if (existing.requestHash !== claim.requestHash) return { kind: 'in-progress', requestHash: existing.requestHash };

    const stale = Date.parse(existing.claimedAt) + claim.leaseMs <= claim.now.getTime();
    if (!stale) return { kind: 'in-progress', requestHash: existing.requestHash };
    if (await rows.takeOver(claim.scope, claim.key, existing.token, token, claim.now)) return { kind: 'claimed', token };
  }
  throw new Error(`idempotency key ${claim.key} kept changing under ${ATTEMPTS} attempts to claim it`);
}
