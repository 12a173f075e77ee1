import { describeWithPostgres } from '@app/event-store/testing/postgresTestDatabase';
import { forgeEvent } from '../testing/forgeEvent';
import { openTamperableStore, type StoreKind, type TamperableStore } from '../testing/tamperableStore';
import { newEvent, seedHistory, type SeededHistory } from '../testing/seedHistory';
import { headSealKeyOf } from './headSealKey';
import type { Violation } from './violation';
import { verifyStore } from './verifyStore';

const verifyTampering = (kind: StoreKind) => () => {
  let tamper: TamperableStore;
  let seeded: SeededHistory;
  const verify = (pageSize?: number) => verifyStore(tamper.store.auditSource(), { headSealKey: headSealKeyOf(tamper.keys), pageSize });
  const kindsOf = (violations: readonly Violation[], issueId: string) => violations.filter((v) => v.issueId === issueId).map((v) => v.kind);
  const metadataOf = async (streamId: string, version: number) => {
    const [row] = await tamper.sql<{ metadata: unknown }>('SELECT metadata FROM events WHERE stream_id = ? AND version = ?', [streamId, version]);
    return (typeof row.metadata === 'string' ? JSON.parse(row.metadata) : row.metadata) as Record<string, unknown>;
  };

  beforeEach(async () => {
    tamper = await openTamperableStore(kind);
    seeded = await seedHistory(tamper.store);
  });
  afterEach(() => tamper.dispose());

  it('an untouched store verifies ok, counting every stream and event, whatever the page size', async () => {
    const expected = { ok: true, streamsChecked: seeded.streams, eventsChecked: seeded.events, violations: [] };
    expect(await verify()).toEqual(expected);
    expect(await verify(1)).toEqual(expected);
  });

  it("an event's data edited in the database is a hash-mismatch at that event", async () => {
    await tamper.sql('UPDATE events SET data = ? WHERE stream_id = ? AND version = 2', [JSON.stringify({ serviceProvider: 'Someone else', note: null }), `issue-${seeded.a}`]);
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.violations).toEqual([expect.objectContaining({ issueId: seeded.a, version: 2, kind: 'hash-mismatch' })]);
  });

  it("an event's metadata edited (its occurredAt) is a hash-mismatch too", async () => {
    const metadata = { ...(await metadataOf(`issue-${seeded.b}`, 2)), occurredAt: '2026-01-01T00:00:00.000Z' };
    await tamper.sql('UPDATE events SET metadata = ? WHERE stream_id = ? AND version = 2', [JSON.stringify(metadata), `issue-${seeded.b}`]);
    expect((await verify()).violations).toEqual([expect.objectContaining({ issueId: seeded.b, version: 2, kind: 'hash-mismatch' })]);
  });

  it('an event deleted in the middle of a stream is a version-gap naming the missing version', async () => {
    await tamper.sql('DELETE FROM events WHERE stream_id = ? AND version = 2', [`issue-${seeded.a}`]);
    const { violations } = await verify();
    expect(violations[0]).toMatchObject({ issueId: seeded.a, version: 2, kind: 'version-gap', detail: expect.stringContaining('event 2 is missing') });
    expect(violations.every((v) => v.issueId === seeded.a)).toBe(true);
  });

  it("a stream's last event deleted, with its head row adjusted to match, is a version-gap: the head's seal gives it away", async () => {
    const streamId = `issue-${seeded.a}`;
    const [second] = await tamper.sql<{ hash: string }>('SELECT hash FROM events WHERE stream_id = ? AND version = 2', [streamId]);
    await tamper.sql('DELETE FROM events WHERE stream_id = ? AND version = 3', [streamId]);
    await tamper.sql('UPDATE streams SET version = 2, last_hash = ? WHERE stream_id = ?', [second.hash, streamId]);
    expect((await verify()).violations).toEqual([
      expect.objectContaining({ issueId: seeded.a, version: 2, kind: 'version-gap', detail: expect.stringMatching(/not sealed.*missing at the end/) }),
    ]);
  });

  it("a stream's last event deleted without touching the head is a version-gap at the end", async () => {
    await tamper.sql('DELETE FROM events WHERE stream_id = ? AND version = 3', [`issue-${seeded.a}`]);
    expect((await verify()).violations).toEqual([
      expect.objectContaining({ issueId: seeded.a, version: 3, kind: 'version-gap', detail: expect.stringContaining('missing at the end') }),
    ]);
  });

  it('a whole issue deleted (events and head) is a version-gap: its reference still names it', async () => {
    await tamper.sql('DELETE FROM events WHERE stream_id = ?', [`issue-${seeded.c}`]);
    await tamper.sql('DELETE FROM streams WHERE stream_id = ?', [`issue-${seeded.c}`]);
    const report = await verify();
    expect(report.streamsChecked).toBe(seeded.streams - 1);
    expect(report.violations).toEqual([
      expect.objectContaining({ issueId: seeded.c, kind: 'version-gap', detail: expect.stringContaining(`issue ${seeded.references[2]} is missing`) }),
    ]);
  });

  it('a whole issue deleted with its reference key too is a version-gap: its reference number is missing from the sequence', async () => {
    await tamper.sql('DELETE FROM events WHERE stream_id = ?', [`issue-${seeded.b}`]);
    await tamper.sql('DELETE FROM streams WHERE stream_id = ?', [`issue-${seeded.b}`]);
    await tamper.sql("DELETE FROM unique_keys WHERE scope = 'reference' AND key = ?", [seeded.references[1]]);
    expect((await verify()).violations).toEqual([
      expect.objectContaining({ issueId: null, kind: 'version-gap', detail: expect.stringContaining(`reference ${seeded.references[1]} was handed out`) }),
    ]);
  });

  it("a stream's head row deleted is a version-gap", async () => {
    await tamper.sql('DELETE FROM streams WHERE stream_id = ?', [`issue-${seeded.b}`]);
    const report = await verify();
    expect(report.streamsChecked).toBe(seeded.streams);
    expect(report.violations).toEqual([expect.objectContaining({ issueId: seeded.b, kind: 'version-gap', detail: expect.stringContaining('no head row') })]);
  });

  it('an event inserted directly that the machine would refuse is an illegal-transition at that event', async () => {
    // B is logged: feeding back needs a resolution first.
    const version = await forgeEvent(tamper, `issue-${seeded.b}`, 'OutcomeFedBack', { message: 'Done', channel: 'email' }, (await metadataOf(`issue-${seeded.b}`, 2)));
    const { violations } = await verify();
    expect(violations).toContainEqual(expect.objectContaining({ issueId: seeded.b, version, kind: 'illegal-transition', detail: expect.stringContaining('OutcomeFedBack in status logged') }));
    // The forger could chain it, but not seal the head: that is reported as well.
    expect(kindsOf(violations, seeded.b).sort()).toEqual(['illegal-transition', 'version-gap']);
  });

  it('a second IssueLogged inserted later is an illegal-transition', async () => {
    const metadata = await metadataOf(`issue-${seeded.c}`, 1);
    const [first] = await tamper.sql<{ data: unknown }>('SELECT data FROM events WHERE stream_id = ? AND version = 1', [`issue-${seeded.c}`]);
    const data = typeof first.data === 'string' ? JSON.parse(first.data) : first.data;
    const version = await forgeEvent(tamper, `issue-${seeded.c}`, 'IssueLogged', data, metadata);
    expect((await verify()).violations).toContainEqual(expect.objectContaining({ issueId: seeded.c, version, kind: 'illegal-transition' }));
  });

  it('an event of a type nobody knows is an unknown-event, in an issue stream and in an area stream', async () => {
    const version = await forgeEvent(tamper, `issue-${seeded.b}`, 'IssueTeleported', { to: 'Mars' }, await metadataOf(`issue-${seeded.b}`, 2));
    const areaVersion = await forgeEvent(tamper, seeded.areaStream, 'ScorecardBurnt', {}, await metadataOf(seeded.areaStream, 1));
    const { violations } = await verify();
    expect(violations).toContainEqual(expect.objectContaining({ issueId: seeded.b, version, kind: 'unknown-event', detail: expect.stringContaining('IssueTeleported') }));
    expect(violations).toContainEqual(expect.objectContaining({ issueId: null, streamId: seeded.areaStream, version: areaVersion, kind: 'unknown-event' }));
  });

  it("an area stream's event edited is a hash-mismatch in that stream", async () => {
    await tamper.sql('UPDATE events SET data = ? WHERE stream_id = ?', [JSON.stringify({ indicators: [], chosenAt: '2026-03-01', note: null }), seeded.areaStream]);
    expect((await verify()).violations).toEqual([expect.objectContaining({ issueId: null, streamId: seeded.areaStream, version: 1, kind: 'hash-mismatch' })]);
  });

  it('reports every violation, in every stream, not only the first', async () => {
    await tamper.sql('UPDATE events SET data = ? WHERE stream_id = ? AND version = 1', [JSON.stringify({ edited: true }), `issue-${seeded.a}`]);
    await tamper.sql('DELETE FROM events WHERE stream_id = ? AND version = 2', [`issue-${seeded.b}`]);
    await tamper.sql('DELETE FROM events WHERE stream_id = ?', [`issue-${seeded.c}`]);
    await tamper.sql('DELETE FROM streams WHERE stream_id = ?', [`issue-${seeded.c}`]);
    const { ok, violations } = await verify(1);
    expect(ok).toBe(false);
    expect(kindsOf(violations, seeded.a)).toContain('hash-mismatch');
    expect(kindsOf(violations, seeded.b)).toContain('version-gap');
    expect(kindsOf(violations, seeded.c)).toEqual(['version-gap']);
  });

  it('an event appended through the store afterwards still verifies: every append seals its head', async () => {
    await tamper.store.append(`issue-${seeded.b}`, [newEvent('IssueWithdrawn', { reason: 'Moved away' }, '2026-03-04T10:00:00.000Z')], 2);
    expect(await verify()).toMatchObject({ ok: true, eventsChecked: seeded.events + 1 });
  });
};

describe('verify on SQLite: each tampering with the database file is reported with its kind', verifyTampering('sqlite'));
describeWithPostgres('verify on PostgreSQL: each tampering with the database is reported with its kind', verifyTampering('postgres'));
