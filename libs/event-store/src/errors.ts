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

/** A checkpoint this store cannot have written: resuming from it would skip or repeat events. */
export class InvalidCheckpointError extends Error {
  constructor(readonly checkpoint: string) {
    super(`invalid checkpoint ${JSON.stringify(checkpoint)}`);
    this.name = 'InvalidCheckpointError';
  }
}

/** Another process holds the store's write lock (SQLite): nothing was written; retry shortly. */
export class StoreBusyError extends Error {
  constructor(cause: unknown) {
    super('the event store is busy with another writer; retry shortly', { cause });
    this.name = 'StoreBusyError';
  }
}
