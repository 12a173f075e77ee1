import type { AuditSource, SequenceRecord, StreamHeadRecord, UniqueKeyRecord } from '../auditSource.port';
import type { Checkpoint, GlobalEvent, StoredEvent } from '../eventStore.port';
import { isAfter, positionOf } from './eventStoreDbCheckpoint';
import type { EventStoreDbReader } from './eventStoreDbReader';

/** Streams read at once by readStreams. */
const PARALLEL_READS = 8;
/** Events per read while listing the streams of $all. */
const SCAN_PAGE = 4096;

/**
 * The auditors' raw reads with the events in EventStoreDB and the rest in the companion: head
 * rows (with seals), unique keys and sequences come from the companion's own audit source; the
 * events, from the server. One instance serves one verify run.
 */
export class EventStoreDbAuditSource implements AuditSource {
  private headless: Promise<string[]> | undefined;

  constructor(
    private readonly reader: EventStoreDbReader,
    private readonly companion: AuditSource,
  ) {}

  readStreamHeads(options: { after: string | null; limit: number }): Promise<StreamHeadRecord[]> {
    return this.companion.readStreamHeads(options);
  }

  /**
   * EventStoreDB has no list of streams (short of the $streams projection, which may be off), so
   * the first call reads $all once, collecting the ids of streams with events and no head row;
   * later pages come from that list. Memory: one id per stream, never the events.
   */
  async readHeadlessStreams({ after, limit }: { after: string | null; limit: number }): Promise<string[]> {
    this.headless ??= this.scanHeadless();
    const all = await this.headless;
    return all.filter((streamId) => after === null || streamId > after).slice(0, limit);
  }

  async readStreams(streamIds: readonly string[]): Promise<StoredEvent[]> {
    const read: StoredEvent[][] = new Array(streamIds.length);
    for (let start = 0; start < streamIds.length; start += PARALLEL_READS) {
      const chunk = streamIds.slice(start, start + PARALLEL_READS);
      const events = await Promise.all(chunk.map((streamId) => this.reader.readStream(streamId)));
      events.forEach((stream, i) => (read[start + i] = stream));
    }
    return read.flat();
  }

  /** The companion's keys; a key whose stream has no head row there is looked for in EventStoreDB before it is called missing. */
  async readUniqueKeys(options: { scope: string; after: string | null; limit: number }): Promise<UniqueKeyRecord[]> {
    const records = await this.companion.readUniqueKeys(options);
    return Promise.all(
      records.map(async (record) => (record.streamExists ? record : { ...record, streamExists: (await this.reader.head(record.streamId)).version > 0 })),
    );
  }

  readSequences(prefix: string): Promise<SequenceRecord[]> {
    return this.companion.readSequences(prefix);
  }

  async readAllUpTo({ after, upTo, limit }: { after: Checkpoint | null; upTo: Checkpoint; limit: number }): Promise<GlobalEvent[]> {
    const bound = positionOf(upTo);
    const page = await this.reader.readAll(after, limit);
    return page.events.filter((event) => !isAfter(positionOf(event.checkpoint), bound));
  }

  private async scanHeadless(): Promise<string[]> {
    const withEvents = new Set<string>();
    for (let after: Checkpoint | null = null; ; ) {
      const page = await this.reader.readAll(after, SCAN_PAGE);
      for (const event of page.events) withEvents.add(event.streamId);
      if (page.events.length < SCAN_PAGE) break;
      after = page.checkpoint;
    }
    for (let after: string | null = null; ; ) {
      const heads = await this.companion.readStreamHeads({ after, limit: SCAN_PAGE });
      for (const head of heads) withEvents.delete(head.streamId);
      if (heads.length < SCAN_PAGE) break;
      after = heads[heads.length - 1].streamId;
    }
    return [...withEvents].sort();
  }
}
