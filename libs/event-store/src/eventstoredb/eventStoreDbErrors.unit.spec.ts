import {
  AccessDeniedError,
  DeadlineExceededError,
  NO_STREAM,
  StreamDeletedError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError as ClientWrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { WrongExpectedVersionError } from '../errors';
import { EventStoreDbAccessDeniedError, EventStoreDbStreamDeletedError, isTransient, toAppendError, toReadError } from './eventStoreDbErrors';
import { EventStoreDbTimeoutError } from './withDeadline';

const conflict = (current: bigint | typeof NO_STREAM, expected: bigint | typeof NO_STREAM) =>
  new ClientWrongExpectedVersionError(undefined, { streamName: 'issue-1', expected, current });

describe("the client's errors as the store's", () => {
  it('turns a conflict into our WrongExpectedVersionError, the one the API answers 409 for, with the version the server reported', () => {
    const error = toAppendError(conflict(4n, 1n), 'issue-1', 2);
    expect(error).toBeInstanceOf(WrongExpectedVersionError);
    expect(error).toMatchObject({ streamId: 'issue-1', expectedVersion: 2, currentVersion: 5 });
  });

  it('reports a stream that does not exist as version 0, and keeps the caller\'s expectation as given', () => {
    expect(toAppendError(conflict(NO_STREAM, 0n), 'issue-2', 3)).toMatchObject({ expectedVersion: 3, currentVersion: 0 });
    expect(toAppendError(conflict(0n, NO_STREAM), 'issue-2', 0)).toMatchObject({ expectedVersion: 0, currentVersion: 1 });
    expect(toAppendError(conflict(8n, 2n), 'issue-2', 'any')).toMatchObject({ expectedVersion: 'any', currentVersion: 9 });
  });

  it('says plainly that a stream was deleted outside the application, or that the credentials may not do the work', () => {
    const deleted = toAppendError(StreamDeletedError.fromStreamName('issue-3'), 'issue-3', 1);
    expect(deleted).toBeInstanceOf(EventStoreDbStreamDeletedError);
    expect((deleted as Error).message).toMatch(/issue-3 was deleted in EventStoreDB/);
    const denied = toReadError(new AccessDeniedError(), undefined, 'a read of $all');
    expect(denied).toBeInstanceOf(EventStoreDbAccessDeniedError);
    expect((denied as Error).message).toMatch(/refused a read of \$all.*read \$all/);
  });

  it('lets any other error through unchanged', () => {
    const unknown = new UnknownError(undefined, 'boom');
    expect(toAppendError(unknown, 'issue-4', 1)).toBe(unknown);
    const plain = new Error('plain');
    expect(toReadError(plain, 'issue-4', 'a read')).toBe(plain);
  });

  it('treats silence, an unreachable server and a lost leader as worth one resend, and nothing else', () => {
    expect(isTransient(new EventStoreDbTimeoutError('the append to issue-5', 10))).toBe(true);
    expect(isTransient(new UnavailableError())).toBe(true);
    expect(isTransient(new DeadlineExceededError())).toBe(true);
    expect(isTransient(Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 }))).toBe(true);
    expect(isTransient(conflict(1n, 0n))).toBe(false);
    expect(isTransient(new AccessDeniedError())).toBe(false);
    expect(isTransient(new Error('anything else'))).toBe(false);
  });
});
