import { ANY, type CurrentStreamState, NO_STREAM, type StreamState } from '@kurrent/kurrentdb-client';
import type { ExpectedVersion } from '../eventStore.port';

/**
 * Our versions are 1-based (a stream's version is its event count); EventStoreDB's revisions are
 * 0-based (a stream's revision is its last event's number). Version n is revision n - 1.
 */

/** The client's expected stream state for our expected version: 0 is "no stream", n is revision n - 1. */
export function streamStateFor(expected: ExpectedVersion): StreamState {
  if (expected === 'any') return ANY;
  if (!Number.isSafeInteger(expected) || expected < 0) throw new RangeError(`an expected version is a whole number from 0, or 'any'; got ${expected}`);
  return expected === 0 ? NO_STREAM : BigInt(expected - 1);
}

/** Our version for the stream state the server reports (after a conflict): its event count. */
export function versionOfStreamState(state: CurrentStreamState): number {
  return state === NO_STREAM ? 0 : versionOfRevision(state);
}

/** The version an event at this revision gives its stream (revision + 1). */
export function versionOfRevision(revision: bigint): number {
  const version = Number(revision) + 1;
  if (revision < 0n || !Number.isSafeInteger(version)) throw new RangeError(`EventStoreDB revision ${revision} is not one this store can have written`);
  return version;
}

/** The revision to read a stream from, for our 1-based version. */
export function revisionOfVersion(version: number): bigint {
  if (!Number.isSafeInteger(version) || version < 1) throw new RangeError(`a stream version is a whole number from 1; got ${version}`);
  return BigInt(version - 1);
}
