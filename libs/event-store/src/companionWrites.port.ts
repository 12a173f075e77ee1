import type { SealedHead } from './appendPlan';
import type { AppendOptions, UniqueKey } from './eventStore.port';

/**
 * What a store with no transactions of its own (eventstoredb) asks of its SQL companion around
 * each append, since it cannot write the AppendOptions in the append's transaction: the checks
 * that can refuse an append go before it (`reserve`), what records its success after it
 * (`recordBesideAppend`). See the README, "EventStoreDB", for what a crash between them leaves.
 */
export interface CompanionWrites {
  /**
   * Before the append, in one transaction: confirms that the idempotency claim is still the
   * caller's (renewing its lease from `now`, so that no retry takes it over while the append is
   * in flight) and takes the unique keys for the stream. Throws IdempotencyClaimLostError or
   * DuplicateKeyError having written nothing. Answers the keys it took anew, to give back with
   * `releaseKeys` if the append then fails (a key the stream already held is not among them).
   */
  reserve(streamId: string, options: AppendOptions, now: Date): Promise<UniqueKey[]>;
  /** Gives back keys `reserve` took anew for this stream, after its append failed. */
  releaseKeys(streamId: string, keys: readonly UniqueKey[]): Promise<void>;
  /**
   * After the append, in one transaction: completes the idempotency record with the outcome
   * (stamped `now`), destroys the personal-data keys of `shredSubjects`, and upserts the stream's
   * sealed head row (`head` undefined: the append had no events, no head row moves). Answers
   * false when the claim was no longer the caller's: its outcome is not kept, while the head row
   * and the erasure are written all the same, since the events they follow are in.
   */
  recordBesideAppend(streamId: string, head: SealedHead | undefined, options: AppendOptions, now: Date): Promise<boolean>;
}

/** A SQL store that can serve as an event store's companion (sqlite, postgres). */
export interface CompanionWritesProvider {
  companionWrites(): CompanionWrites;
}
