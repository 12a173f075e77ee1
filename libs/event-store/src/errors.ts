/** The stream was not at the version the caller expected: someone else appended first. */
export class WrongExpectedVersionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number | 'any',
    readonly currentVersion: number,
  ) {
    super(`stream ${streamId} is at version ${currentVersion}, not ${expectedVersion}`);
    this.name = 'WrongExpectedVersionError';
  }
}

/** The idempotency claim this append was to complete was taken over: nothing was appended. */
export class IdempotencyClaimLostError extends Error {
  constructor(
    readonly scope: string,
    readonly key: string,
  ) {
    super(`the claim on idempotency key ${key} was lost before the append`);
    this.name = 'IdempotencyClaimLostError';
  }
}

/** A unique key the append asked for names another stream already: nothing was appended. */
export class DuplicateKeyError extends Error {
  constructor(
    readonly scope: string,
    readonly key: string,
  ) {
    super(`${scope} ${key} is already taken`);
    this.name = 'DuplicateKeyError';
  }
}
