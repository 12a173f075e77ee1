import type { Position } from '@kurrent/kurrentdb-client';
import { InvalidCheckpointError } from '../errors';
import type { Checkpoint } from '../eventStore.port';

/**
 * An event's place in EventStoreDB's $all: its commit and prepare positions (byte offsets in
 * the server's log). $all is ordered by commit, then prepare; the events of one append share a
 * commit position and differ by prepare position. The checkpoint is the pair, "commit/prepare":
 * it names the exact event a reader got to, even within an append.
 */
const CHECKPOINT = /^(\d{1,20})\/(\d{1,20})$/;
const U64_MAX = (1n << 64n) - 1n;

export function checkpointOf(position: Position): Checkpoint {
  return `${position.commit}/${position.prepare}`;
}

/** The position a checkpoint names; InvalidCheckpointError for one this store cannot have written (another store's, say). */
export function positionOf(checkpoint: Checkpoint): Position {
  const match = CHECKPOINT.exec(checkpoint);
  if (!match) throw new InvalidCheckpointError(checkpoint);
  const [commit, prepare] = [BigInt(match[1]), BigInt(match[2])];
  if (commit > U64_MAX || prepare > U64_MAX) throw new InvalidCheckpointError(checkpoint);
  return { commit, prepare };
}

/** Whether `a` comes after `b` in $all's order. */
export function isAfter(a: Position, b: Position): boolean {
  return a.commit > b.commit || (a.commit === b.commit && a.prepare > b.prepare);
}

/**
 * The event's global position as a number: its prepare position, which is its own record's
 * offset in the log. Unique per event, and increasing in $all's order, since the server writes
 * each append's records together, in commit order.
 */
export function globalPositionOf(position: Position): number {
  const value = Number(position.prepare);
  if (!Number.isSafeInteger(value)) throw new RangeError(`EventStoreDB position ${checkpointOf(position)} is beyond what a global position can hold`);
  return value;
}
