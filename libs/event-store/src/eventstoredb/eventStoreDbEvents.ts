import type { JSONEventData, JSONType, RecordedEvent } from '@kurrent/kurrentdb-client';
import type { PlannedEvent, StreamHead } from '../appendPlan';
import type { EventMetadata, GlobalEvent, NewEvent, StoredEvent } from '../eventStore.port';
import { checkpointOf, globalPositionOf } from './eventStoreDbCheckpoint';
import { versionOfRevision } from './eventStoreDbRevisions';

/**
 * The key, in an EventStoreDB event's metadata, under which this store keeps its own fields
 * (recordedAt and the hash chain). The rest of the metadata is the caller's, at the top level,
 * where EventStoreDB's tools show it; the event's data is the caller's data, as JSON.
 */
export const STORE_METADATA_KEY = '@store';

/** What the store adds to every event, beside the caller's metadata. */
interface StoreFields {
  readonly recordedAt: string;
  readonly prevHash: string | null;
  readonly hash: string;
  /** Written by `migrate`, copied from another store (absent on the store's own appends). */
  readonly copied?: true;
}

/** An event in EventStoreDB that this store did not write: a read cannot make sense of it. */
export class ForeignEventError extends Error {
  constructor(
    readonly eventId: string,
    readonly streamName: string,
    why: string,
  ) {
    super(
      `event ${eventId} in EventStoreDB stream ${streamName} was not written by this store (${why}): ` +
        'give this store a server of its own, or a stream prefix no other writer uses',
    );
    this.name = 'ForeignEventError';
  }
}

/** The stream name in EventStoreDB for one of our stream ids: the id itself, after the store's prefix (if any). */
export const streamNameOf = (prefix: string, streamId: string): string => `${prefix}${streamId}`;

/** Refuses, before anything is written, events EventStoreDB or a reader could not take back as they were. */
export function assertWritable(streamId: string, events: readonly NewEvent[]): void {
  if (streamId.length === 0 || streamId.startsWith('$')) throw new Error(`stream id ${JSON.stringify(streamId)} is not one EventStoreDB keeps for an application ($ names its system streams)`);
  for (const event of events) {
    if (event.type.length === 0 || event.type.startsWith('$')) {
      throw new Error(`event type ${JSON.stringify(event.type)} is reserved in EventStoreDB (a $ names its system events): give the event another type`);
    }
    if (event.data === undefined) throw new Error(`event ${event.id} (${event.type}) has no data: give it null or a JSON value`);
    if (Object.prototype.hasOwnProperty.call(event.metadata, STORE_METADATA_KEY)) {
      throw new Error(`event ${event.id} (${event.type}) has metadata key ${STORE_METADATA_KEY}, which the EventStoreDB store keeps for its own fields`);
    }
  }
}

/** The client's event for a planned one: our id (so a resent append is deduplicated), type, data, and metadata with our fields. */
export function toEventData(event: PlannedEvent): JSONEventData {
  const store: StoreFields = { recordedAt: event.recordedAt, prevHash: event.prevHash, hash: event.hash };
  return {
    id: event.id,
    contentType: 'application/json',
    type: event.type,
    // Any JSON value: the client writes JSON.stringify(data), whatever its type says.
    data: event.data as JSONType,
    metadata: { ...event.metadata, [STORE_METADATA_KEY]: store },
  };
}

/**
 * The client's event for one copied from another store by `migrate`: everything as the source
 * holds it (id, type, data, metadata, recordedAt, hash chain), marked as copied, so that a later
 * run can tell the migration's events from any the store appended itself.
 */
export function toCopiedEventData(event: Omit<StoredEvent, 'globalPosition'>): JSONEventData {
  const store: StoreFields = { recordedAt: event.recordedAt, prevHash: event.prevHash, hash: event.hash, copied: true };
  return { id: event.id, contentType: 'application/json', type: event.type, data: event.data as JSONType, metadata: { ...event.metadata, [STORE_METADATA_KEY]: store } };
}

/** Whether `migrate` wrote this event (see toCopiedEventData). */
export function isCopied(recorded: RecordedEvent): boolean {
  const metadata = recorded.metadata;
  return isRecord(metadata) && isRecord(metadata[STORE_METADATA_KEY]) && metadata[STORE_METADATA_KEY].copied === true;
}

/** Our event for one read from a stream (its position is there on EventStoreDB 22.10 and later). */
export function toStoredEvent(recorded: RecordedEvent, prefix: string): StoredEvent {
  if (!recorded.position) {
    throw new Error(`EventStoreDB gave event ${recorded.id} no position: this store needs EventStoreDB 22.10 or later (or KurrentDB)`);
  }
  return { ...toAppendedEvent(recorded, prefix), globalPosition: globalPositionOf(recorded.position) };
}

/** Our event for one read from $all, with the checkpoint that resumes just after it. */
export function toGlobalEvent(recorded: RecordedEvent, prefix: string): GlobalEvent {
  const stored = toStoredEvent(recorded, prefix);
  return { ...stored, checkpoint: checkpointOf(recorded.position!) };
}

/** Whether a record read from $all is one of ours to hand out: not a system event (a $ type, such as a deletion's tombstone). */
export function isApplicationEvent(recorded: RecordedEvent): boolean {
  return !recorded.type.startsWith('$');
}

/** The stream's head as its last event says: what the next append is planned on. */
export function headOf(last: RecordedEvent | undefined, prefix: string): StreamHead {
  if (!last) return { version: 0, lastHash: null, lastRecordedAt: null };
  const event = toAppendedEvent(last, prefix);
  return { version: event.version, lastHash: event.hash, lastRecordedAt: event.recordedAt };
}

function toAppendedEvent(recorded: RecordedEvent, prefix: string): Omit<StoredEvent, 'globalPosition'> {
  const foreign = (why: string) => new ForeignEventError(recorded.id, recorded.streamId, why);
  if (!recorded.streamId.startsWith(prefix)) throw foreign(`its stream is outside the prefix ${JSON.stringify(prefix)}`);
  if (!recorded.isJson) throw foreign('its data is not JSON');
  const metadata = recorded.metadata;
  if (!isRecord(metadata)) throw foreign('its metadata is not a JSON object');
  const { [STORE_METADATA_KEY]: store, ...callers } = metadata;
  if (!isStoreFields(store)) throw foreign(`its metadata has no ${STORE_METADATA_KEY} fields`);
  return {
    id: recorded.id,
    streamId: recorded.streamId.slice(prefix.length),
    version: versionOfRevision(recorded.revision),
    type: recorded.type,
    data: recorded.data,
    metadata: callers as EventMetadata,
    recordedAt: store.recordedAt,
    prevHash: store.prevHash,
    hash: store.hash,
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);

function isStoreFields(value: unknown): value is StoreFields {
  if (!isRecord(value)) return false;
  return typeof value.recordedAt === 'string' && typeof value.hash === 'string' && (value.prevHash === null || typeof value.prevHash === 'string');
}
