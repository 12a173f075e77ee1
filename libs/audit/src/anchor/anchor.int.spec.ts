import { hashEvent } from '@app/event-store';
import { describeWithPostgres } from '@app/event-store/testing/postgresTestDatabase';
import { runVerify } from '../verifyWithAnchor';
import { headSealKeyOf } from '../verify/headSealKey';
import { newAuditKeys, openTamperableStore, type StoreKind, type TamperableStore } from '../testing/tamperableStore';
import { newEvent, seedHistory, type SeededHistory } from '../testing/seedHistory';
import { sealHead } from '@app/event-store';
import type { Anchor } from './anchor';
import { checkAnchor } from './checkAnchor';
import { anchorParameterOf, parseAnchorParameter } from './parseAnchor';
import { takeAnchor } from './takeAnchor';

const NOW = new Date('2026-03-10T12:00:00.000Z');

const anchorTampering = (kind: StoreKind) => () => {
  let tamper: TamperableStore;
  let seeded: SeededHistory;
  let anchor: Anchor;
  const anchorViolations = async (given = anchor) => checkAnchor(given, tamper.store.auditSource(), tamper.keys, 2);
  const details = async () => (await anchorViolations()).map((violation) => `${violation.kind}: ${violation.detail}`);

  beforeEach(async () => {
    tamper = await openTamperableStore(kind);
    seeded = await seedHistory(tamper.store);
    anchor = await takeAnchor(tamper.store, tamper.keys, NOW, 3);
  });
  afterEach(() => tamper.dispose());

  it('covers the whole history, signed; recomputed on an untouched store it matches, however often, even after later appends', async () => {
    expect(anchor).toMatchObject({ events: seeded.events, streams: seeded.streams, takenAt: NOW.toISOString(), publicKey: tamper.keys.publicKeyPem });
    expect(anchor.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(await takeAnchor(tamper.store, tamper.keys, NOW)).toEqual(anchor);
    await tamper.store.append(`issue-${seeded.c}`, [newEvent('NoteAdded', { text: 'later', public: false }, '2026-03-05T10:00:00.000Z')], 1);
    expect(await anchorViolations()).toEqual([]);
    expect(await runVerify(tamper.store.auditSource(), tamper.keys, anchor)).toMatchObject({ ok: true, violations: [] });
  });

  it('an edited event it covers, even with its whole chain rehashed and its head resealed by a key holder, is an anchor-mismatch of the digest', async () => {
    const streamId = `issue-${seeded.b}`;
    const rows = await tamper.sql<{ version: number; type: string; data: unknown; metadata: unknown; recorded_at: string }>(
      'SELECT version, type, data, metadata, recorded_at FROM events WHERE stream_id = ? ORDER BY version',
      [streamId],
    );
    let prevHash: string | null = null;
    for (const row of rows) {
      const parse = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);
      const data = row.version === 2 ? { text: 'Never called anyone.', public: false } : parse(row.data);
      const hash = hashEvent({ prevHash, streamId, version: row.version, type: row.type, data, metadata: parse(row.metadata), recordedAt: row.recorded_at });
      await tamper.sql('UPDATE events SET data = ?, prev_hash = ?, hash = ? WHERE stream_id = ? AND version = ?', [JSON.stringify(data), prevHash, hash, streamId, row.version]);
      prevHash = hash;
    }
    const seal = sealHead(headSealKeyOf(tamper.keys), { streamId, version: rows.length, lastHash: prevHash });
    await tamper.sql('UPDATE streams SET last_hash = ?, seal = ? WHERE stream_id = ?', [prevHash, seal, streamId]);

    const report = await runVerify(tamper.store.auditSource(), tamper.keys, anchor);
    // The per-stream checks see a consistent stream: only the anchor can tell.
    expect(report.violations.map((violation) => violation.kind)).toEqual(['anchor-mismatch']);
    expect(await details()).toEqual([expect.stringMatching(/^anchor-mismatch: the digest .* differs/)]);
  });

  it("a stream's end truncated with its head resealed is an anchor-mismatch of the event count", async () => {
    const streamId = `issue-${seeded.a}`;
    const [second] = await tamper.sql<{ hash: string }>('SELECT hash FROM events WHERE stream_id = ? AND version = 2', [streamId]);
    await tamper.sql('DELETE FROM events WHERE stream_id = ? AND version = 3', [streamId]);
    const seal = sealHead(headSealKeyOf(tamper.keys), { streamId, version: 2, lastHash: second.hash });
    await tamper.sql('UPDATE streams SET version = 2, last_hash = ?, seal = ? WHERE stream_id = ?', [second.hash, seal, streamId]);
    expect(await details()).toEqual([
      expect.stringMatching(new RegExp(`holds ${seeded.events - 1} events .* the anchor says ${seeded.events} \\(1 fewer`)),
      expect.stringMatching(/the digest/),
    ]);
  });

  it('an event deleted in the middle, and a whole stream deleted, are anchor-mismatches of the counts and the digest', async () => {
    await tamper.sql('DELETE FROM events WHERE stream_id = ? AND version = 2', [`issue-${seeded.a}`]);
    expect(await details()).toEqual([expect.stringMatching(/1 fewer/), expect.stringMatching(/the digest/)]);
    await tamper.sql('DELETE FROM events WHERE stream_id = ?', [`issue-${seeded.c}`]);
    await tamper.sql('DELETE FROM streams WHERE stream_id = ?', [`issue-${seeded.c}`]);
    expect(await details()).toEqual([
      expect.stringMatching(/2 fewer/),
      expect.stringMatching(new RegExp(`${seeded.streams - 1} streams .* the anchor says ${seeded.streams}`)),
      expect.stringMatching(/the digest/),
    ]);
  });

  it('an event slipped in before the checkpoint is an anchor-mismatch', async () => {
    const streamId = 'issue-slipped-in';
    const metadata = { occurredAt: '2026-03-01T00:00:00.000Z', schemaVersion: 1, workflowVersion: 1 };
    const fields = { prevHash: null, streamId, version: 1, type: 'NoteAdded', data: {}, metadata, recordedAt: '2026-03-01T00:00:00.000Z' };
    // Below every position the store handed out (and, on PostgreSQL, in the oldest transaction).
    const columns = 'global_position, event_id, stream_id, version, type, data, metadata, recorded_at, prev_hash, hash';
    const values = [0, '00000000-0000-4000-8000-000000000000', streamId, 1, 'NoteAdded', '{}', JSON.stringify(metadata), fields.recordedAt, null, hashEvent(fields)];
    if (kind === 'postgres') await tamper.sql(`INSERT INTO events (${columns}, transaction_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '1'::xid8)`, values);
    else await tamper.sql(`INSERT INTO events (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, values);
    expect(await details()).toEqual([expect.stringMatching(/1 more: events were inserted/), expect.stringMatching(/streams/), expect.stringMatching(/the digest/)]);
  });

  it('an anchor altered after signing, or signed by another key, is an anchor-mismatch naming the signature', async () => {
    expect(await anchorViolations({ ...anchor, events: anchor.events - 1 })).toContainEqual(expect.objectContaining({ detail: expect.stringContaining('signature does not match') }));
    const foreign = await takeAnchor(tamper.store, newAuditKeys(), NOW);
    expect(await anchorViolations(foreign)).toEqual([expect.objectContaining({ kind: 'anchor-mismatch', detail: expect.stringContaining('another public key') })]);
  });

  it('travels as base64url JSON and reads back the same; a checkpoint this store never wrote is an anchor-mismatch', async () => {
    expect(parseAnchorParameter(anchorParameterOf(anchor))).toEqual(anchor);
    expect(() => parseAnchorParameter('not an anchor!')).toThrow(/base64url/);
    expect(() => parseAnchorParameter(Buffer.from('{"events":"many"}').toString('base64url'))).toThrow(/malformed.*events/);
    expect(await anchorViolations({ ...anchor, checkpoint: 'nonsense' })).toContainEqual(expect.objectContaining({ detail: expect.stringContaining('is not one this store writes') }));
  });
};

describe('anchors on SQLite: tampering after an anchor is caught', anchorTampering('sqlite'));
describeWithPostgres('anchors on PostgreSQL: tampering after an anchor is caught', anchorTampering('postgres'));
