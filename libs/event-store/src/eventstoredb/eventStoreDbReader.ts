import {
  type AllStreamResolvedEvent,
  BACKWARDS,
  END,
  type Filter,
  FORWARDS,
  type KurrentDBClient,
  type Position,
  type ReadPosition,
  type RecordedEvent,
  type ResolvedEvent,
  START,
  StreamNotFoundError,
} from '@kurrent/kurrentdb-client';
import type { StreamHead } from '../appendPlan';
import type { Checkpoint, GlobalEvent, ReadAllPage, StoredEvent } from '../eventStore.port';
import { checkpointOf, isAfter, positionOf } from './eventStoreDbCheckpoint';
import { toReadError } from './eventStoreDbErrors';
import { headOf, isApplicationEvent, streamNameOf, toGlobalEvent, toStoredEvent } from './eventStoreDbEvents';
import { allFilter } from './eventStoreDbFilter';
import { revisionOfVersion } from './eventStoreDbRevisions';
import { collectWithDeadline } from './withDeadline';

/** Events counted per read by countAfter. */
const COUNT_PAGE = 4096;
/** Records read at a time when looking backwards for the last application event. */
const BACKWARD_PAGE = 32;

/**
 * The store's reads of EventStoreDB, each under the store's deadline: a stream, its head, and $all
 * (through the server-side filter), always in our terms (versions, checkpoints, StoredEvents).
 */
export class EventStoreDbReader {
  private readonly filter: Filter;

  constructor(
    private readonly client: KurrentDBClient,
    private readonly prefix: string,
    private readonly timeoutMs: number,
  ) {
    this.filter = allFilter(prefix);
  }

  /**
   * The stream's head, from its last event (read backwards, one event, from the leader: a
   * follower may not have the latest append yet, and an append planned on it would conflict).
   */
  async head(streamId: string): Promise<StreamHead> {
    const [last] = await this.readRecords(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1, requiresLeader: true }, `the head of ${streamId}`);
    return headOf(last, this.prefix);
  }

  /** The stream's events from a version on (all of them by default); none for a stream that does not exist. */
  async readStream(streamId: string, fromVersion = 1, count?: number, requiresLeader = false): Promise<StoredEvent[]> {
    const records = await this.readRecords(
      streamId,
      { direction: FORWARDS, fromRevision: revisionOfVersion(Math.max(1, fromVersion)), requiresLeader, ...(count !== undefined && { maxCount: count }) },
      `a read of ${streamId}`,
    );
    return records.map((record) => toStoredEvent(record, this.prefix));
  }

  /**
   * Up to `limit` events after the checkpoint, in $all's order. The server reads from a position
   * inclusively (and may start an append's events at its first), so records at or before the
   * checkpoint are passed over, as are system events; reads go on until the page is full or $all
   * ends.
   */
  async readAll(after: Checkpoint | null, limit: number): Promise<ReadAllPage> {
    const records = await this.readRecordsAfter(after, limit);
    const events: GlobalEvent[] = records.map((record) => toGlobalEvent(record, this.prefix));
    return { events, checkpoint: events.at(-1)?.checkpoint ?? after ?? null };
  }

  /** The application records readAll would turn into events, as the client gave them (for `migrate`'s checks). */
  async readRecordsAfter(after: Checkpoint | null, limit: number): Promise<Array<RecordedEvent & { position: Position }>> {
    if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`a page holds at least one event; got a limit of ${limit}`);
    let last: Position | null = after ? positionOf(after) : null;
    const records: Array<RecordedEvent & { position: Position }> = [];
    let from: ReadPosition = last ?? START;
    // Room for the records passed over: one (the checkpoint's own), more if a read brought no progress.
    let slack = 1;
    for (;;) {
      const want = limit - records.length + slack;
      const batch = await this.readAllRecords({ direction: FORWARDS, fromPosition: from, maxCount: want }, 'a read of $all');
      for (const record of batch) {
        if (last && !isAfter(record.position, last)) continue;
        last = record.position;
        if (isApplicationEvent(record)) records.push(record);
        if (records.length === limit) break;
      }
      if (records.length === limit || batch.length < want) break;
      const next = batch[batch.length - 1].position;
      if (from !== START && !isAfter(next, from as Position)) slack *= 4;
      else from = next;
    }
    return records;
  }

  /** The checkpoint of the last application event in $all (null: there is none): read backwards from the end. */
  async headCheckpoint(): Promise<Checkpoint | null> {
    let from: ReadPosition = END;
    let seen: Position | null = null;
    for (;;) {
      const batch = await this.readAllRecords({ direction: BACKWARDS, fromPosition: from, maxCount: BACKWARD_PAGE }, 'a read of the end of $all');
      for (const record of batch) {
        if (seen && !isAfter(seen, record.position)) continue;
        seen = record.position;
        if (isApplicationEvent(record)) return toGlobalEvent(record, this.prefix).checkpoint;
      }
      if (batch.length < BACKWARD_PAGE) return null;
      const next = batch[batch.length - 1].position;
      if (from !== END && !isAfter(from as Position, next)) throw new Error(`a backward read of $all made no progress at ${checkpointOf(next)}`);
      from = next;
    }
  }

  /**
   * How many events come after the checkpoint. EventStoreDB keeps no count of a filtered $all,
   * so this reads them (a page at a time): it costs as much as reading the lag itself, nothing
   * for a reader that is caught up.
   */
  async countAfter(after: Checkpoint | null): Promise<number> {
    let count = 0;
    let checkpoint = after;
    for (;;) {
      const page = await this.readAll(checkpoint, COUNT_PAGE);
      count += page.events.length;
      if (page.events.length < COUNT_PAGE) return count;
      checkpoint = page.checkpoint;
    }
  }

  private async readRecords(
    streamId: string,
    options: { direction: typeof FORWARDS | typeof BACKWARDS; fromRevision: bigint | typeof END; maxCount?: number; requiresLeader?: boolean },
    what: string,
  ): Promise<RecordedEvent[]> {
    let resolved: ResolvedEvent[];
    try {
      resolved = await collectWithDeadline(this.client.readStream(streamNameOf(this.prefix, streamId), options), this.timeoutMs, what);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw toReadError(error, streamId, what);
    }
    return resolved.flatMap((item) => (item.event ? [item.event] : []));
  }

  private async readAllRecords(
    options: { direction: typeof FORWARDS | typeof BACKWARDS; fromPosition: ReadPosition; maxCount: number },
    what: string,
  ): Promise<Array<RecordedEvent & { position: Position }>> {
    let resolved: AllStreamResolvedEvent[];
    try {
      resolved = await collectWithDeadline(this.client.readAll({ ...options, filter: this.filter }), this.timeoutMs, what);
    } catch (error) {
      throw toReadError(error, undefined, what);
    }
    return resolved.flatMap((item) => {
      if (!item.event) return [];
      if (!item.event.position) throw new Error(`EventStoreDB gave event ${item.event.id} of $all no position`);
      return [item.event];
    });
  }
}
