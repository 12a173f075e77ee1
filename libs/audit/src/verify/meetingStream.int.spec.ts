import { describeWithPostgres } from '@app/event-store/testing/postgresTestDatabase';
import type { MeetingEvent } from '@app/lifecycle';
import { meetingStreamIdOf, toNewMeetingEvent } from '@app/streams';
import { takeAnchor } from '../anchor/takeAnchor';
import { exportChunks } from '../export/exportChunks';
import { encoderFor } from '../export/exportFormat';
import { revealNothing } from '../revealPersonalData';
import { forgeEvent } from '../testing/forgeEvent';
import { newEvent, seedHistory, type SeededHistory } from '../testing/seedHistory';
import { openTamperableStore, type StoreKind, type TamperableStore } from '../testing/tamperableStore';
import { runVerify } from '../verifyWithAnchor';
import { headSealKeyOf } from './headSealKey';
import { verifyStore } from './verifyStore';

const MEETING_ID = '0b5f0a52-6d1e-4d8e-9a43-1f6f3c2b9e10';
const STREAM = meetingStreamIdOf(MEETING_ID);
const provenance = { actor: { id: 'boardChair-1', role: 'boardChair' as const }, correlationId: 'spec', causationId: 'spec' };
const scheduled: MeetingEvent = { type: 'MeetingScheduled', occurredAt: '2026-03-01T10:00:00.000Z', data: { areaId: 'trowbridge', date: '2026-03-05', venue: 'Town Hall' } };
const minutes: MeetingEvent = { type: 'MinutesPublished', occurredAt: '2026-03-06T10:00:00.000Z', data: { text: 'Item 1 referred to Highways.' } };

const meetingStream = (kind: StoreKind) => () => {
  let tamper: TamperableStore;
  let seeded: SeededHistory;
  const verify = () => verifyStore(tamper.store.auditSource(), { headSealKey: headSealKeyOf(tamper.keys) });
  const metadataOf = async (version: number) => {
    const [row] = await tamper.sql<{ metadata: unknown }>('SELECT metadata FROM events WHERE stream_id = ? AND version = ?', [STREAM, version]);
    return (typeof row.metadata === 'string' ? JSON.parse(row.metadata) : row.metadata) as Record<string, unknown>;
  };

  beforeEach(async () => {
    tamper = await openTamperableStore(kind);
    seeded = await seedHistory(tamper.store);
    await tamper.store.append(STREAM, [toNewMeetingEvent(scheduled, provenance)], 0);
    await tamper.store.append(STREAM, [toNewMeetingEvent(minutes, provenance)], 1);
  });
  afterEach(() => tamper.dispose());

  it('is verified like any stream: its chain and head checked, its events counted, nothing reported', async () => {
    expect(await verify()).toEqual({ ok: true, streamsChecked: seeded.streams + 1, eventsChecked: seeded.events + 2, violations: [] });
  });

  it('an issue decided at the meeting (meetingId in its events) replays through the machine as before', async () => {
    const issueStream = `issue-${seeded.c}`;
    await tamper.store.append(issueStream, [newEvent('BoardReviewScheduled', { meetingDate: '2026-03-05', report: 'For the board.', meetingId: MEETING_ID }, '2026-03-02T10:00:00.000Z')], 1);
    await tamper.store.append(issueStream, [newEvent('IssueResolved', { outcome: 'Agreed at the board.', meetingId: MEETING_ID }, '2026-03-05T20:00:00.000Z')], 2);
    expect(await verify()).toMatchObject({ ok: true, violations: [] });
  });

  it('the minutes edited in the database are a hash-mismatch in that stream, naming no issue', async () => {
    await tamper.sql('UPDATE events SET data = ? WHERE stream_id = ? AND version = 2', [JSON.stringify({ text: 'Nothing was agreed.' }), STREAM]);
    expect((await verify()).violations).toEqual([expect.objectContaining({ issueId: null, streamId: STREAM, version: 2, kind: 'hash-mismatch' })]);
  });

  it('an event of a type this code does not know in it is an unknown-event', async () => {
    const version = await forgeEvent(tamper, STREAM, 'MeetingCancelled', {}, await metadataOf(2));
    expect((await verify()).violations).toContainEqual(
      expect.objectContaining({ issueId: null, streamId: STREAM, version, kind: 'unknown-event', detail: expect.stringContaining('MeetingCancelled') }),
    );
  });

  it('a second MeetingScheduled (the meeting moved behind the API) is an illegal-transition', async () => {
    await tamper.store.append(STREAM, [toNewMeetingEvent({ ...scheduled, data: { ...scheduled.data, date: '2026-04-01' } }, provenance)], 2);
    expect((await verify()).violations).toEqual([
      expect.objectContaining({ issueId: null, streamId: STREAM, version: 3, kind: 'illegal-transition', detail: expect.stringContaining('scheduled once') }),
    ]);
  });

  it('minutes of a meeting never scheduled are an illegal-transition', async () => {
    const orphan = meetingStreamIdOf('5c1d2e3f-0000-4000-8000-000000000001');
    await tamper.store.append(orphan, [toNewMeetingEvent(minutes, provenance)], 0);
    expect((await verify()).violations).toEqual([
      expect.objectContaining({ streamId: orphan, version: 1, kind: 'illegal-transition', detail: expect.stringContaining('before the meeting was scheduled') }),
    ]);
  });

  it('an anchor covers it, and the export carries its events with no issue', async () => {
    const anchor = await takeAnchor(tamper.store, tamper.keys, new Date('2026-03-10T12:00:00.000Z'));
    expect(anchor).toMatchObject({ streams: seeded.streams + 1, events: seeded.events + 2 });
    expect(await runVerify(tamper.store.auditSource(), tamper.keys, anchor)).toMatchObject({ ok: true });
    let text = '';
    for await (const chunk of exportChunks({ store: tamper.store, window: {}, encoder: encoderFor('jsonl'), reveal: revealNothing })) text += chunk.text;
    const records = text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.filter((record) => record.streamId === STREAM)).toEqual([
      expect.objectContaining({ issueId: null, version: 1, type: 'MeetingScheduled', data: scheduled.data }),
      expect.objectContaining({ issueId: null, version: 2, type: 'MinutesPublished', data: minutes.data }),
    ]);
  });
};

describe('a board meeting stream in verify, anchors and export, on SQLite', meetingStream('sqlite'));
describeWithPostgres('a board meeting stream in verify, anchors and export, on PostgreSQL', meetingStream('postgres'));
