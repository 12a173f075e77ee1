import {
  AccessDeniedError,
  DeadlineExceededError,
  NotLeaderError,
  StreamDeletedError,
  StreamTombstonedError,
  UnavailableError,
  WrongExpectedVersionError as ClientWrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { WrongExpectedVersionError } from '../errors';
import type { ExpectedVersion } from '../eventStore.port';
import { versionOfStreamState } from './eventStoreDbRevisions';
import { EventStoreDbTimeoutError } from './withDeadline';

// gRPC status codes the client sometimes lets through unconverted (a raw grpc-js error).
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;

/** The stream was deleted in EventStoreDB, by hand: this store never deletes an issue's events. */
export class EventStoreDbStreamDeletedError extends Error {
  constructor(
    readonly streamId: string,
    cause: unknown,
  ) {
    super(`stream ${streamId} was deleted in EventStoreDB (outside this application, which never deletes one): restore it from a backup`, { cause });
    this.name = 'EventStoreDbStreamDeletedError';
  }
}

/** The credentials in EVENTSTORE_URL may not do what the store needs (read $all, write streams). */
export class EventStoreDbAccessDeniedError extends Error {
  constructor(what: string, cause: unknown) {
    super(
      `EventStoreDB refused ${what}: the user in EVENTSTORE_URL must be allowed to write the streams and read $all ` +
        '(an $admins member, or a user granted them in the default ACL)',
      { cause },
    );
    this.name = 'EventStoreDbAccessDeniedError';
  }
}

/**
 * Our error for one the client threw during an append: a conflict becomes the same
 * WrongExpectedVersionError as on the other stores (the API's 409), with the stream's version
 * as the server reported it; deletion and access are said plainly; the rest pass unchanged.
 */
export function toAppendError(error: unknown, streamId: string, expected: ExpectedVersion): unknown {
  if (error instanceof ClientWrongExpectedVersionError) return new WrongExpectedVersionError(streamId, expected, versionOfStreamState(error.actualState));
  return toReadError(error, streamId, `the append to ${streamId}`);
}

/** Our error for one the client threw while reading (or writing) `streamId`, or `$all` when absent. */
export function toReadError(error: unknown, streamId: string | undefined, what: string): unknown {
  if (error instanceof StreamDeletedError || error instanceof StreamTombstonedError) return new EventStoreDbStreamDeletedError(streamId ?? '$all', error);
  if (error instanceof AccessDeniedError) return new EventStoreDbAccessDeniedError(what, error);
  return error;
}

/**
 * A failure after which the same request may simply be sent again: the server did not answer,
 * was unreachable, or was not the leader (the client reconnects to the new one). Safe for an
 * append because it is resent with the same event ids and expected revision, which the server
 * deduplicates if the first attempt was written after all.
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof EventStoreDbTimeoutError || error instanceof UnavailableError || error instanceof DeadlineExceededError) return true;
  if (error instanceof NotLeaderError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return code === GRPC_UNAVAILABLE || code === GRPC_DEADLINE_EXCEEDED;
}
