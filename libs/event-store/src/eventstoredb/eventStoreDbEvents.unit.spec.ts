import { randomUUID } from 'node:crypto';
import type { JSONEventData, Position, RecordedEvent } from '@kurrent/kurrentdb-client';
// The client's own decoder of what the server sends back (the read path of readStream and readAll).
import { convertRustRecord } from '@kurrent/kurrentdb-client/dist/utils/convertRustEvent';
import { planAppend } from '../appendPlan';
import { hashEvent } from '../eventHash';
import type { NewEvent } from '../eventStore.port';
import { ManualClock } from '../testing/manualClock';
import {
  assertWritable,
  ForeignEventError,
  headOf,
  isApplicationEvent,
  isCopied,
  STORE_METADATA_KEY,
  streamNameOf,
  toCopiedEventData,
  toEventData,
  toGlobalEvent,
  toStoredEvent,
} from './eventStoreDbEvents';

const newEvent = (data: unknown, type = 'IssueReported'): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: { actor: { id: 'officer-1', role: 'officer' }, occurredAt: '2026-11-23T11:00:00.000Z', schemaVersion: 2 },
});

/** What the server keeps of an appended event (the bytes the client sent) and hands back, decoded by the client. */
function asRead(sent: JSONEventData, streamName: string, revision: bigint, position: Position): RecordedEvent {
  return convertRustRecord({
    streamId: streamName,
    id: sent.id,
    type: sent.type,
    isJson: true,
    revision,
    created: Date.parse('2026-11-23T12:00:00.000Z'),
    data: new Uint8Array(Buffer.from(JSON.stringify(sent.data), 'utf8')),
    metadata: new Uint8Array(Buffer.from(JSON.stringify(sent.metadata), 'utf8')),
    position,
  }) as RecordedEvent;
}

describe('our events as EventStoreDB events and back', () => {
  const clock = new ManualClock();

  it('keeps id, type, data, metadata, version, recordedAt and the hash chain through a write and a read', () => {
    const streamId = `issue-${randomUUID()}`;
    const events = [newEvent({ title: 'Pothole', nested: { list: [1, 'two', null], flag: true } }), newEvent('a string'), newEvent(null), newEvent([1, 2]), newEvent(7.5)];
    const planned = planAppend(streamId, { version: 2, lastHash: 'f'.repeat(64), lastRecordedAt: '2026-11-23T11:59:00.000Z' }, events, 2, clock.now());
    const prefix = 'council-a:';
    const read = planned.map((event, i) => {
      const sent = toEventData(event);
      expect(sent).toMatchObject({ id: event.id, type: event.type, contentType: 'application/json' });
      return toStoredEvent(asRead(sent, streamNameOf(prefix, streamId), BigInt(event.version - 1), { commit: 1000n, prepare: 1000n + BigInt(i) }), prefix);
    });

    expect(read).toEqual(planned.map((event, i) => ({ ...event, globalPosition: 1000 + i })));
    expect(read.map((e) => e.version)).toEqual([3, 4, 5, 6, 7]);
    read.forEach((event, i) => {
      expect(event.hash).toBe(hashEvent(event));
      expect(event.prevHash).toBe(i === 0 ? 'f'.repeat(64) : read[i - 1].hash);
      expect(event.metadata).not.toHaveProperty(STORE_METADATA_KEY);
    });
  });

  it('keeps our fields beside the caller\'s metadata, under one reserved key', () => {
    const [planned] = planAppend('issue-1', { version: 0, lastHash: null }, [newEvent({ n: 1 })], 0, clock.now());
    expect(toEventData(planned).metadata).toEqual({
      ...planned.metadata,
      [STORE_METADATA_KEY]: { recordedAt: '2026-11-23T12:00:00.000Z', prevHash: null, hash: planned.hash },
    });
  });

  it('reads an event from $all with the checkpoint just after it', () => {
    const [planned] = planAppend('issue-2', { version: 0, lastHash: null }, [newEvent({ n: 1 })], 0, clock.now());
    const event = toGlobalEvent(asRead(toEventData(planned), 'issue-2', 0n, { commit: 9000n, prepare: 8800n }), '');
    expect(event).toMatchObject({ id: planned.id, streamId: 'issue-2', version: 1, globalPosition: 8800, checkpoint: '9000/8800' });
  });

  it("takes a stream's head from its last event, and an empty head where there is none", () => {
    const planned = planAppend('issue-3', { version: 0, lastHash: null }, [newEvent(1), newEvent(2)], 0, clock.now());
    const last = asRead(toEventData(planned[1]), 'issue-3', 1n, { commit: 10n, prepare: 10n });
    expect(headOf(last, '')).toEqual({ version: 2, lastHash: planned[1].hash, lastRecordedAt: planned[1].recordedAt });
    expect(headOf(undefined, '')).toEqual({ version: 0, lastHash: null, lastRecordedAt: null });
  });

  it("refuses to read an event this store did not write, saying which and why, rather than guess its fields", () => {
    const [planned] = planAppend('issue-4', { version: 0, lastHash: null }, [newEvent({ n: 1 })], 0, clock.now());
    const sent = toEventData(planned);
    const position = { commit: 1n, prepare: 1n };
    const withoutOurFields = { ...sent, metadata: { actor: 'someone' } };
    expect(() => toStoredEvent(asRead(withoutOurFields, 'issue-4', 0n, position), '')).toThrow(ForeignEventError);
    expect(() => toStoredEvent(asRead(withoutOurFields, 'issue-4', 0n, position), '')).toThrow(new RegExp(`event ${planned.id} in EventStoreDB stream issue-4 was not written by this store`));
    expect(() => toStoredEvent(asRead(sent, 'other:issue-4', 0n, position), 'mine:')).toThrow(/outside the prefix/);
  });

  it("passes over system events ($ types, such as a deleted stream's tombstone)", () => {
    const [planned] = planAppend('issue-5', { version: 0, lastHash: null }, [newEvent({ n: 1 })], 0, clock.now());
    const ours = asRead(toEventData(planned), 'issue-5', 0n, { commit: 1n, prepare: 1n });
    const tombstone = asRead({ ...toEventData(planned), type: '$streamDeleted' }, 'issue-5', 1n, { commit: 2n, prepare: 2n });
    expect(isApplicationEvent(ours)).toBe(true);
    expect(isApplicationEvent(tombstone)).toBe(false);
  });

  it('copies an event from another store exactly as it was stored, marked as copied', () => {
    const planned = planAppend('issue-7', { version: 0, lastHash: null }, [newEvent({ n: 1 }), newEvent({ n: 2 })], 0, clock.now());
    const source = planned.map((event, i) => ({ ...event, globalPosition: 10 + i }));
    const copied = source.map((event, i) => asRead(toCopiedEventData(event), 'issue-7', BigInt(i), { commit: 50n, prepare: 50n + BigInt(i) }));
    expect(copied.map((record) => toStoredEvent(record, ''))).toEqual(planned.map((event, i) => ({ ...event, globalPosition: 50 + i })));
    expect(copied.every(isCopied)).toBe(true);
    expect(isCopied(asRead(toEventData(planned[0]), 'issue-7', 0n, { commit: 1n, prepare: 1n }))).toBe(false);
  });

  it('refuses, before writing, what could not be read back as it was written', () => {
    expect(() => assertWritable('issue-6', [newEvent({ n: 1 }, '$system')])).toThrow(/reserved in EventStoreDB/);
    expect(() => assertWritable('issue-6', [{ ...newEvent({ n: 1 }), data: undefined }])).toThrow(/has no data/);
    expect(() => assertWritable('issue-6', [{ ...newEvent({}), metadata: { [STORE_METADATA_KEY]: 'mine' } }])).toThrow(/keeps for its own fields/);
    expect(() => assertWritable('$settings', [newEvent({})])).toThrow(/system streams/);
    expect(() => assertWritable('issue-6', [newEvent({ n: 1 })])).not.toThrow();
  });
});
