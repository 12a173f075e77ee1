/** What a claim on an idempotency key found. */
export type ClaimResult =
  /** The key is yours: run the command, then append with the completion, or release it. */
  | { readonly kind: 'claimed'; readonly token: string }
  /** An earlier request with this key succeeded: here is the outcome it kept. */
  | { readonly kind: 'completed'; readonly requestHash: string; readonly outcome: unknown }
  /** An earlier request with this key is still running (or died less than a lease ago). */
  | { readonly kind: 'in-progress'; readonly requestHash: string };

export interface IdempotencyClaim {
  readonly scope: string;
  readonly key: string;
  readonly requestHash: string;
  readonly now: Date;
  /** How long a claim holds before another request may take it over (its holder died). */
  readonly leaseMs: number;
  /**
   * Responses stored before this instant have expired: they are deleted (with claims taken
   * before it and never completed) and the key is free again. Absent: nothing expires.
   */
  readonly expireBefore?: Date;
}

/** Idempotency keys live beside the events, so a response is stored in the append's transaction. */
export interface IdempotencyStore {
  claim(claim: IdempotencyClaim): Promise<ClaimResult>;
  /** Give up a claim whose command failed, so that a retry runs it again. */
  release(scope: string, key: string, token: string): Promise<void>;
}
