import { randomUUID } from 'node:crypto';
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

/**
 * A kept outcome as read back from its columns. Rows kept before the store took opaque
 * outcomes hold an HTTP status and body in two columns: those read back in the API's own shape.
 */
export function outcomeOf(legacyStatus: number | null, body: unknown): { readonly outcome: unknown } {
  return { outcome: legacyStatus === null ? body : { status: legacyStatus, body } };
}

export interface IdempotencyRow {
  readonly requestHash: string;
  readonly token: string;
  readonly claimedAt: string;
  /** The outcome kept when the key's command completed; absent while it is only claimed. */
  readonly completed?: { readonly outcome: unknown };
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
    if (existing.completed) return { kind: 'completed', requestHash: existing.requestHash, outcome: existing.completed.outcome };
    if (existing.requestHash !== claim.requestHash) return { kind: 'in-progress', requestHash: existing.requestHash };

    const stale = Date.parse(existing.claimedAt) + claim.leaseMs <= claim.now.getTime();
    if (!stale) return { kind: 'in-progress', requestHash: existing.requestHash };
    if (await rows.takeOver(claim.scope, claim.key, existing.token, token, claim.now)) return { kind: 'claimed', token };
  }
  throw new Error(`idempotency key ${claim.key} kept changing under ${ATTEMPTS} attempts to claim it`);
}
