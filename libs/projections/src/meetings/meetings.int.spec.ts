import type { CommandName, MeetingEvent } from '@app/lifecycle';
import { meetingStreamIdOf, toNewMeetingEvent } from '@app/streams';
import { generationsOf } from '../projectionState';
import { publicTrackerProjection } from '../public/publicTrackerProjection';
import { history } from '../testing/issueHistory';
import { HARNESS_STORES, newIssueId, ProjectionHarness } from '../testing/projectionHarness';
import { agendaItems, listMeetings } from './meetingReads';
import { meetingsProjection } from './meetingsProjection';

const provenance = { actor: { id: 'spec', role: 'admin' as const }, correlationId: 'spec', causationId: 'spec' };
const MEETING = '11111111-1111-4111-8111-111111111111';
const OTHER_MEETING = '22222222-2222-4222-8222-222222222222';

const scheduled = (areaId: string, date: string, venue = 'Town Hall'): MeetingEvent => ({
  type: 'MeetingScheduled',
  occurredAt: '2026-11-01T10:00:00.000Z',
  data: { areaId, date, venue },
});
const minutes = (text: string, occurredAt: string): MeetingEvent => ({ type: 'MinutesPublished', occurredAt, data: { text } });

describe.each(HARNESS_STORES)('meetings projection and the agenda, on %s', (kind) => {
  let harness: ProjectionHarness;
  beforeEach(async () => (harness = await ProjectionHarness.open([meetingsProjection, publicTrackerProjection], kind)));
  afterEach(() => harness.close());

  let references = 0;
  const givenMeeting = async (meetingId: string, events: MeetingEvent[]) => {
    const stream = meetingStreamIdOf(meetingId);
    const version = (await harness.store.readStream(stream)).length;
    await harness.store.append(stream, events.map((event) => toNewMeetingEvent(event, provenance)), version);
  };
  /** An issue through these steps; `at` names the meeting each of refer, board-review, roundtable and resolve was taken at. */
  const givenIssue = async (steps: Array<readonly [CommandName, string]>, title: string, at: Partial<Record<CommandName, object>> = {}) => {
    const issueId = newIssueId();
    references += 1;
    await harness.given(issueId, history(steps, { title, reference: `TROW-2026-${String(references).padStart(5, '0')}` }, at));
    return issueId;
  };

  it("lists an area's meetings soonest first, bare dates at their midnight UTC, within [from, to)", async () => {
    await givenMeeting(MEETING, [scheduled('trowbridge', '2026-12-03T18:00:00.000Z', 'Civic Centre')]);
    await givenMeeting(OTHER_MEETING, [scheduled('trowbridge', '2026-12-03')]);
    await givenMeeting('33333333-3333-4333-8333-333333333333', [scheduled('trowbridge', '2026-11-20')]);
    await givenMeeting('44444444-4444-4444-8444-444444444444', [scheduled('calne', '2026-12-01')]);
    await harness.settle();

    expect((await listMeetings(harness.db, 'trowbridge')).map((m) => m.date)).toEqual(['2026-11-20', '2026-12-03', '2026-12-03T18:00:00.000Z']);
    expect(await listMeetings(harness.db, 'trowbridge', { from: '2026-12-03T00:00:00.000Z' })).toEqual([
      { id: OTHER_MEETING, areaId: 'trowbridge', date: '2026-12-03', venue: 'Town Hall' },
      { id: MEETING, areaId: 'trowbridge', date: '2026-12-03T18:00:00.000Z', venue: 'Civic Centre' },
    ]);
    expect((await listMeetings(harness.db, 'trowbridge', { to: '2026-12-03T18:00:00.000Z' })).map((m) => m.date)).toEqual(['2026-11-20', '2026-12-03']);
    expect(await listMeetings(harness.db, 'melksham')).toEqual([]);
  });

  it('carries the latest minutes, with when they were published', async () => {
    await givenMeeting(MEETING, [scheduled('trowbridge', '2026-12-03'), minutes('Draft', '2026-12-04T09:00:00.000Z'), minutes('Approved', '2026-12-10T09:00:00.000Z')]);
    await harness.settle();
    expect(await listMeetings(harness.db, 'trowbridge')).toEqual([
      { id: MEETING, areaId: 'trowbridge', date: '2026-12-03', venue: 'Town Hall', minutes: { text: 'Approved', publishedAt: '2026-12-10T09:00:00.000Z' } },
    ]);
  });

  it('puts on the agenda the issues whose board review names the meeting, in the order put, with the public title and status and the report', async () => {
    await givenMeeting(MEETING, [scheduled('trowbridge', '2026-12-03')]);
    await givenIssue([['log', '2026-11-02T09:00:00.000Z'], ['board-review', '2026-11-03T09:00:00.000Z']], 'Pothole on Castle Street', {
      'board-review': { meetingId: MEETING, report: 'Residents ask for a repair.' },
    });
    await givenIssue([['log', '2026-11-02T09:00:00.000Z'], ['board-review', '2026-11-04T09:00:00.000Z']], 'Bus shelter glass broken', {
      'board-review': { meetingId: MEETING, report: 'Shelter unsafe.' },
    });
    // Reviewed at another meeting, and at no meeting: on neither agenda.
    await givenIssue([['log', '2026-11-02T09:00:00.000Z'], ['board-review', '2026-11-03T09:00:00.000Z']], 'Elsewhere', { 'board-review': { meetingId: OTHER_MEETING } });
    await givenIssue([['log', '2026-11-02T09:00:00.000Z'], ['board-review', '2026-11-03T09:00:00.000Z']], 'No meeting');
    await harness.settle();

    expect(await agendaItems(harness.db, MEETING)).toEqual([
      { reference: expect.stringMatching(/^TROW-2026-/), title: 'Pothole on Castle Street', category: 'highways', report: 'Residents ask for a repair.', status: 'boardReview' },
      { reference: expect.stringMatching(/^TROW-2026-/), title: 'Bus shelter glass broken', category: 'highways', report: 'Shelter unsafe.', status: 'boardReview' },
    ]);
  });

  it.each([
    ['a referral', ['refer'], { refer: { serviceProvider: 'Wiltshire Highways' } }, 'Referred to Wiltshire Highways', 'referred'],
    ['a roundtable', ['roundtable'], {}, 'Roundtable convened', 'roundtable'],
    ['a resolution', ['resolve'], { resolve: { outcome: 'Resurfaced on 5 December.' } }, 'Resolved: Resurfaced on 5 December.', 'resolved'],
    ['a roundtable, then a resolution: the latest stands', ['roundtable', 'resolve'], { resolve: { outcome: 'Agreed.' } }, 'Resolved: Agreed.', 'resolved'],
  ] as const)('takes %s naming the meeting as the item decision', async (_, decisions, data, words, status) => {
    await givenMeeting(MEETING, [scheduled('trowbridge', '2026-12-03')]);
    const at: Record<string, object> = { 'board-review': { meetingId: MEETING } };
    for (const name of decisions) at[name] = { ...(data as Record<string, object>)[name], meetingId: MEETING };
    const steps: Array<readonly [CommandName, string]> = [['log', '2026-11-02T09:00:00.000Z'], ['board-review', '2026-11-03T09:00:00.000Z']];
    decisions.forEach((name, index) => steps.push([name, `2026-12-0${3 + index}T20:00:00.000Z`]));
    await givenIssue(steps, 'Pothole', at);
    await harness.settle();
    expect(await agendaItems(harness.db, MEETING)).toEqual([expect.objectContaining({ decision: words, status })]);
  });

  it('ignores a decision taken at no meeting, or at a meeting the issue was not put to', async () => {
    await givenMeeting(MEETING, [scheduled('trowbridge', '2026-12-03')]);
    await givenMeeting(OTHER_MEETING, [scheduled('trowbridge', '2026-12-10')]);
    await givenIssue([['log', '2026-11-02T09:00:00.000Z'], ['board-review', '2026-11-03T09:00:00.000Z'], ['resolve', '2026-12-04T09:00:00.000Z']], 'Not decided there', {
      'board-review': { meetingId: MEETING },
    });
    await givenIssue([['log', '2026-11-02T09:00:00.000Z'], ['board-review', '2026-11-04T09:00:00.000Z'], ['roundtable', '2026-12-04T09:00:00.000Z']], 'Decided elsewhere', {
      'board-review': { meetingId: MEETING },
      roundtable: { meetingId: OTHER_MEETING },
    });
    await harness.settle();
    const items = await agendaItems(harness.db, MEETING);
    expect(items.map((item) => [item.title, item.status, 'decision' in item])).toEqual([
      ['Not decided there', 'resolved', false],
      ['Decided elsewhere', 'roundtable', false],
    ]);
    expect(await agendaItems(harness.db, OTHER_MEETING)).toEqual([]);
  });

  it('rebuilt from nothing, holds the same meetings and agenda', async () => {
    await givenMeeting(MEETING, [scheduled('trowbridge', '2026-12-03'), minutes('Approved', '2026-12-10T09:00:00.000Z')]);
    await givenIssue([['log', '2026-11-02T09:00:00.000Z'], ['board-review', '2026-11-03T09:00:00.000Z'], ['refer', '2026-12-03T20:00:00.000Z']], 'Pothole', {
      'board-review': { meetingId: MEETING },
      refer: { meetingId: MEETING },
    });
    await harness.settle();
    const before = { meetings: await listMeetings(harness.db, 'trowbridge'), agenda: await agendaItems(harness.db, MEETING) };
    const [generation] = await generationsOf(harness.db, meetingsProjection.name);
    await harness.host.requestRebuild(meetingsProjection.name);
    for (const deadline = Date.now() + 10_000; ; ) {
      const active = (await generationsOf(harness.db, meetingsProjection.name)).find((row) => row.active);
      if (active && active.generation > generation.generation) break;
      if (Date.now() > deadline) throw new Error('the meetings projection was not rebuilt within 10 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect({ meetings: await listMeetings(harness.db, 'trowbridge'), agenda: await agendaItems(harness.db, MEETING) }).toEqual(before);
    expect(before.agenda).toEqual([expect.objectContaining({ decision: 'Referred to Highways' })]);
  });
});
