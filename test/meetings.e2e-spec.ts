import { randomUUID } from 'node:crypto';
import type { EventStoreAdapter } from '@app/event-store';
import { EVENT_STORE } from '../apps/api/src/store/tokens';
import { eventually } from './support/eventually';
import { admin, command, type IssueBody, raise } from './support/issueRequests';
import { bearer, STORES, useTestApp } from './support/testApp';

/*
 * Board meetings (API.md, "Board meetings"), end to end on the real app: scheduling, listing and
 * reading them; who may do what and where; board reviews and decisions naming a meeting; the
 * agenda as JSON and as a printable page, which never shows anything personal; the minutes.
 */

const DAY = 86_400_000;
/** The UTC calendar day `offset` days from today, as the server's clock reads it. */
const day = (offset = 0) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

const managerOf = (area: string) => bearer('areaManager', [area]);
const chairOf = (area: string) => bearer('boardChair', [area]);
const messageOf = (body: { message: string | string[] }) => [body.message].flat().join('\n');

/** The personal data of the residents whose issues go on the agenda: none of it may ever reach it. */
const RESIDENT = {
  name: 'Rosalind Featherstonehaugh',
  email: 'rosalind.f@example.org',
  phone: '07700 900461',
  postalAddress: '7 Wingfield Road, Trowbridge BA14 9EN',
};
const STREET_ADDRESS = '14 Hilperton Lane, Trowbridge';
const PERSONAL = [RESIDENT.name, 'Rosalind', 'Featherstonehaugh', RESIDENT.email, RESIDENT.phone, RESIDENT.postalAddress, 'Wingfield Road', STREET_ADDRESS, 'Hilperton Lane'];

describe.each(STORES)('board meetings, on %s', (kind) => {
  const api = useTestApp(kind);
  const store = () => api.app.get<EventStoreAdapter>(EVENT_STORE);

  /** `auth` null: anonymous. */
  const schedule = (area: string, body: Record<string, unknown>, auth: string | null = managerOf(area)) => {
    const call = api.http.post(`/areas/${area}/meetings`).send(body);
    return auth ? call.set('Authorization', auth) : call;
  };
  const publish = (meetingId: string, body: Record<string, unknown>, auth: string | null = chairOf('trowbridge')) => {
    const call = api.http.post(`/meetings/${meetingId}/minutes`).send(body);
    return auth ? call.set('Authorization', auth) : call;
  };
  const meetingIn = async (area: string, date: string, venue = 'Town Hall'): Promise<string> =>
    (await schedule(area, { date, venue }, admin).expect(201)).body.id as string;
  const agendaOf = (meetingId: string) => api.http.get(`/meetings/${meetingId}/agenda`).expect(200);
  /** An issue raised in `area` by a resident, with a title of its own. */
  const issueIn = (area: string, title: string) =>
    raise(api.http, { areaId: area, title, raisedBy: RESIDENT, location: { lat: 51.3192, lng: -2.2083, address: STREET_ADDRESS } });
  const step = async (issue: IssueBody, name: string, body: Record<string, unknown>, auth?: string): Promise<IssueBody> => {
    const response = await command(api.http, issue, name, body, auth);
    if (response.status !== 200) throw new Error(`${name} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as IssueBody;
  };
  const versionOf = async (issue: IssueBody) => (await api.http.get(`/issues/${issue.id}`).set('Authorization', admin).expect(200)).body.version as number;

  describe('scheduling, listing and reading', () => {
    it('schedules a meeting (area manager or board chair), answering 201 with exactly its id, area, date and venue', async () => {
      const { body } = await schedule('trowbridge', { date: '2027-01-14', venue: 'County Hall, Trowbridge' }).expect(201);
      expect(body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), areaId: 'trowbridge', date: '2027-01-14', venue: 'County Hall, Trowbridge' });
      const byChair = await schedule('trowbridge', { date: '2027-02-11T19:00:00+00:00', venue: 'Civic Centre' }, chairOf('trowbridge')).expect(201);
      expect(byChair.body).toMatchObject({ areaId: 'trowbridge', date: '2027-02-11T19:00:00.000Z' });

      const stream = await store().readStream(`meeting-${body.id}`);
      expect(stream.map((event) => [event.version, event.type, event.data])).toEqual([
        [1, 'MeetingScheduled', { areaId: 'trowbridge', date: '2027-01-14', venue: 'County Hall, Trowbridge' }],
      ]);
      expect(stream[0].metadata).toMatchObject({ actor: { id: 'areaManager-e2e', role: 'areaManager' }, schemaVersion: 1 });

      // Public: anyone reads it, at once (from its own stream), without minutes until published.
      expect((await api.http.get(`/meetings/${body.id}`).expect(200)).body).toEqual(body);
    });

    it('keeps a date-time in UTC with milliseconds, a bare date as given', async () => {
      const summer = await schedule('calne', { date: '2027-06-03T19:30:00+01:00', venue: 'Calne Library' }).expect(201);
      expect(summer.body.date).toBe('2027-06-03T18:30:00.000Z');
      const bare = await schedule('calne', { date: '2027-06-10', venue: 'Calne Library' }).expect(201);
      expect(bare.body.date).toBe('2027-06-10');
    });

    it("lists an area's meetings to anyone, soonest first, from/to on the meeting date, saying asOfPosition", async () => {
      const late = await meetingIn('corsham', '2027-03-04T18:00:00Z', 'Corsham Town Hall');
      const early = await meetingIn('corsham', '2027-01-07', 'Springfield Centre');
      const middle = await meetingIn('corsham', '2027-03-04', 'Pound Arts');
      await meetingIn('devizes', '2027-02-01');

      const { body } = await eventually(async () => {
        const answer = await api.http.get('/areas/corsham/meetings').expect(200);
        expect(answer.body.items).toHaveLength(3);
        return answer;
      });
      expect(body).toEqual({
        items: [
          { id: early, areaId: 'corsham', date: '2027-01-07', venue: 'Springfield Centre' },
          { id: middle, areaId: 'corsham', date: '2027-03-04', venue: 'Pound Arts' },
          { id: late, areaId: 'corsham', date: '2027-03-04T18:00:00.000Z', venue: 'Corsham Town Hall' },
        ],
        asOfPosition: expect.any(Number),
      });
      const ids = async (query: string) => (await api.http.get(`/areas/corsham/meetings?${query}`).expect(200)).body.items.map((m: { id: string }) => m.id);
      expect(await ids('from=2027-03-04')).toEqual([middle, late]);
      expect(await ids('from=2027-01-08&to=2027-03-04T12:00:00Z')).toEqual([middle]);
      expect(await ids('to=2027-03-04')).toEqual([early]);
      expect(await ids('from=2028-01-01')).toEqual([]);
    });

    it('schedules once for a retry with the same Idempotency-Key, answering the first meeting again', async () => {
      const send = () => schedule('warminster', { date: '2027-01-14', venue: 'Athenaeum' }).set('Idempotency-Key', 'schedule-warminster-1');
      const first = await send().expect(201);
      const again = await send().expect(201);
      expect(again.body).toEqual(first.body);
      const { events } = await store().readAll({ after: null, limit: 10_000 });
      expect(events.filter((event) => event.type === 'MeetingScheduled' && (event.data as { areaId: string }).areaId === 'warminster')).toHaveLength(1);
    });

    it('answers 404 for an unknown area or meeting, whatever the id looks like', async () => {
      expect((await schedule('nowhere', { date: '2027-01-14', venue: 'Hall' }, admin).expect(404)).body).toMatchObject({ message: 'no area with this id' });
      await api.http.get('/areas/nowhere/meetings').expect(404);
      for (const id of [randomUUID(), 'not-a-meeting', 'TROW-2026-00001']) {
        expect((await api.http.get(`/meetings/${id}`).expect(404)).body).toMatchObject({ statusCode: 404, message: 'no meeting with this id' });
        await api.http.get(`/meetings/${id}/agenda`).expect(404);
        const page = await api.http.get(`/meetings/${id}/agenda.html`).expect(404);
        expect(page.headers['content-type']).toMatch(/^application\/json/);
        await publish(id, { text: 'Minutes' }, admin).expect(404);
      }
    });
  });

  describe('bad input', () => {
    it.each([
      ['a date that does not exist', { date: '2027-02-30' }, 'date'],
      ['a date in words', { date: 'next Thursday' }, 'date'],
      ['a month alone', { date: '2027-02' }, 'date must be an ISO 8601 date'],
      ['a date-time without its offset', { date: '2027-02-11T19:00:00' }, 'date must be an ISO 8601 date (YYYY-MM-DD) or a date-time with Z or an offset'],
      ['no date', { date: undefined }, 'date'],
      ['a blank venue', { venue: '   ' }, 'venue must not be blank'],
      ['no venue', { venue: undefined }, 'venue'],
      ['a venue that is no text', { venue: 42 }, 'venue'],
      ['an unknown field', { chair: 'Cllr Smith' }, 'property chair should not exist'],
    ])('refuses %s with 400 naming the field, recording nothing', async (_, overrides, named) => {
      const before = await store().readAll({ after: null, limit: 10_000 });
      const { body } = await schedule('melksham', { date: '2027-01-14', venue: 'Assembly Hall', ...overrides }).expect(400);
      expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(messageOf(body)).toContain(named);
      expect((await store().readAll({ after: null, limit: 10_000 })).events.length).toBe(before.events.length);
    });

    it('refuses a from or to that is no date, naming it', async () => {
      expect(messageOf((await api.http.get('/areas/melksham/meetings?from=soon').expect(400)).body)).toContain('from');
      expect(messageOf((await api.http.get('/areas/melksham/meetings?to=2027-01-01T10:00').expect(400)).body)).toContain('to must be');
      expect(messageOf((await api.http.get('/areas/melksham/meetings?colour=red').expect(400)).body)).toContain('property colour should not exist');
    });

    it('refuses blank or missing minutes', async () => {
      const meeting = await meetingIn('trowbridge', '2027-01-21');
      expect(messageOf((await publish(meeting, { text: ' \n ' }).expect(400)).body)).toContain('text must not be blank');
      expect(messageOf((await publish(meeting, {}).expect(400)).body)).toContain('text');
      expect(await store().readStream(`meeting-${meeting}`)).toHaveLength(1);
    });
  });

  describe('who may act, and where', () => {
    it('answers anonymous callers 401', async () => {
      await schedule('trowbridge', { date: '2027-01-14', venue: 'Hall' }, null).expect(401);
      const meeting = await meetingIn('trowbridge', '2027-01-28');
      await publish(meeting, { text: 'Minutes' }, null).expect(401);
    });

    it.each(['officer', 'auditor', 'viewer'] as const)('lets no %s schedule a meeting: 403', async (role) => {
      await schedule('trowbridge', { date: '2027-01-14', venue: 'Hall' }, bearer(role, ['trowbridge'])).expect(403);
    });

    it.each(['areaManager', 'officer', 'auditor', 'viewer'] as const)('lets no %s publish minutes: 403', async (role) => {
      const meeting = await meetingIn('trowbridge', '2027-01-28');
      await publish(meeting, { text: 'Minutes' }, bearer(role, ['trowbridge'])).expect(403);
      expect(await store().readStream(`meeting-${meeting}`)).toHaveLength(1);
    });

    it('keeps staff to the areas they serve: 403 elsewhere, naming the area', async () => {
      const { body } = await schedule('westbury', { date: '2027-01-14', venue: 'Hall' }, managerOf('trowbridge')).expect(403);
      expect(body.message).toContain('you do not serve area westbury');
      await schedule('westbury', { date: '2027-01-14', venue: 'Hall' }, chairOf('trowbridge')).expect(403);
      const meeting = await meetingIn('westbury', '2027-01-14');
      expect((await publish(meeting, { text: 'Minutes' }, chairOf('trowbridge')).expect(403)).body.message).toContain('you do not serve area westbury');
    });

    it('lets staff serving every area, and admin, act anywhere', async () => {
      await schedule('westbury', { date: '2027-01-14', venue: 'Hall' }, bearer('boardChair', ['*'])).expect(201);
      const meeting = (await schedule('westbury', { date: '2027-01-14', venue: 'Hall' }, admin).expect(201)).body.id;
      await publish(meeting, { text: 'Minutes' }, bearer('boardChair', ['*'])).expect(200);
      await publish(meeting, { text: 'Minutes again' }, admin).expect(200);
    });
  });

  describe('a board review at a meeting (meetingId)', () => {
    it("takes the meeting's date when meetingDate is left out, recording the meetingId", async () => {
      const meeting = await meetingIn('trowbridge', '2027-03-11T18:30:00Z');
      const issue = await issueIn('trowbridge', 'Speeding on Frome Road');
      const reviewed = await step(issue, 'board-review', { meetingDate: undefined, meetingId: meeting, report: 'Residents ask for a speed survey.' });
      expect(reviewed).toMatchObject({ status: 'boardReview', version: 2 });
      const [, scheduled] = await store().readStream(`issue-${issue.id}`);
      expect(scheduled).toMatchObject({ type: 'BoardReviewScheduled', data: { meetingDate: '2027-03-11T18:30:00.000Z', report: 'Residents ask for a speed survey.', meetingId: meeting } });
    });

    it("accepts a meetingDate that is the meeting's (its day, for a meeting with a time)", async () => {
      const meeting = await meetingIn('trowbridge', '2027-03-11T18:30:00Z');
      const issue = await issueIn('trowbridge', 'Dropped kerb needed');
      await step(issue, 'board-review', { meetingDate: '2027-03-11', meetingId: meeting });
      const [, scheduled] = await store().readStream(`issue-${issue.id}`);
      expect(scheduled.data).toMatchObject({ meetingDate: '2027-03-11T18:30:00.000Z', meetingId: meeting });
    });

    it('accepts a meeting today: today is not in the past', async () => {
      const today = day();
      const meeting = await meetingIn('trowbridge', today);
      const issue = await issueIn('trowbridge', 'Flooded underpass');
      const response = await command(api.http, issue, 'board-review', { meetingDate: undefined, meetingId: meeting });
      // Only if midnight (UTC) did not pass meanwhile: then the meeting is yesterday's, and refused.
      if (day() === today) expect(response.status).toBe(200);
    });

    it.each([
      ['a meeting in the past', async () => meetingIn('trowbridge', day(-1)), 'meetingId must name a meeting that is not in the past'],
      ["another area's meeting", async () => meetingIn('melksham', '2027-04-01'), "meetingId must name a meeting of the issue's area trowbridge"],
      ['a meeting that does not exist', async () => randomUUID(), 'meetingId must name a board meeting'],
      ['an id that is no meeting id', async () => 'TROW-2026-00001', 'meetingId must be the id of a board meeting'],
    ])('refuses %s with 400 naming meetingId, recording nothing', async (_, meetingOf, named) => {
      const meetingId = await meetingOf();
      const issue = await issueIn('trowbridge', 'Overgrown hedge');
      const response = await command(api.http, issue, 'board-review', { meetingDate: undefined, meetingId });
      expect(response.status).toBe(400);
      expect(messageOf(response.body)).toContain(named);
      expect(await versionOf(issue)).toBe(1);
    });

    it("refuses a meetingDate that is not the meeting's, and a board review with neither, naming meetingDate", async () => {
      const meeting = await meetingIn('trowbridge', '2027-03-11');
      const issue = await issueIn('trowbridge', 'Broken bench');
      const differs = await command(api.http, issue, 'board-review', { meetingDate: '2027-03-12', meetingId: meeting }).expect(400);
      expect(messageOf(differs.body)).toContain("meetingDate must be the meeting's date (2027-03-11)");
      const neither = await command(api.http, issue, 'board-review', { meetingDate: undefined }).expect(400);
      expect(messageOf(neither.body)).toContain('meetingDate');
      expect(await versionOf(issue)).toBe(1);
    });

    it('answers a caller who may not act 403 whatever the meetingId, and an unknown issue 404', async () => {
      const meeting = await meetingIn('trowbridge', '2027-03-11');
      const issue = await issueIn('trowbridge', 'Litter bin missing');
      await command(api.http, issue, 'board-review', { meetingId: randomUUID() }, managerOf('melksham')).expect(403);
      await command(api.http, issue, 'board-review', { meetingId: meeting }, bearer('officer', ['trowbridge'])).expect(403);
      await command(api.http, { id: randomUUID(), version: 1 }, 'board-review', { meetingId: meeting }, admin).expect(404);
    });

    it("refuses a decision naming another area's meeting or none, as for a review", async () => {
      const meeting = await meetingIn('trowbridge', '2027-03-11');
      const elsewhere = await meetingIn('melksham', '2027-03-11');
      let issue = await issueIn('trowbridge', 'Graffiti on the bridge');
      issue = await step(issue, 'board-review', { meetingDate: undefined, meetingId: meeting });
      for (const [name, auth] of [['refer', managerOf('trowbridge')], ['roundtable', chairOf('trowbridge')], ['resolve', chairOf('trowbridge')]] as const) {
        expect(messageOf((await command(api.http, issue, name, { meetingId: elsewhere }, auth).expect(400)).body)).toContain("meetingId must name a meeting of the issue's area");
        expect(messageOf((await command(api.http, issue, name, { meetingId: randomUUID() }, auth).expect(400)).body)).toContain('meetingId must name a board meeting');
      }
      expect(await versionOf(issue)).toBe(2);
    });

    it('lets a decision name a meeting in the past: decisions are recorded after the meeting', async () => {
      const past = await meetingIn('trowbridge', day(-2));
      let issue = await issueIn('trowbridge', 'Street light out');
      issue = await step(issue, 'board-review', {});
      await step(issue, 'resolve', { meetingId: past, outcome: 'Repaired.' }, chairOf('trowbridge'));
    });
  });

  describe('the agenda', () => {
    let meeting: string;
    let referred: IssueBody;
    let resolved: IssueBody;
    let waiting: IssueBody;

    beforeAll(async () => {
      meeting = await meetingIn('trowbridge', '2027-05-06T18:00:00Z', 'County Hall <Main Chamber> & "Annex"');
      referred = await issueIn('trowbridge', 'Pothole on Castle Street');
      resolved = await issueIn('trowbridge', 'Bus shelter <b>glass</b> broken & "unsafe"');
      waiting = await issueIn('trowbridge', 'Parking on the verge');
      const elsewhere = await issueIn('trowbridge', 'Reviewed at no meeting');

      referred = await step(referred, 'board-review', { meetingDate: undefined, meetingId: meeting, report: 'Deep pothole; residents ask for a repair.' });
      resolved = await step(resolved, 'board-review', { meetingDate: undefined, meetingId: meeting, report: 'Glass broken twice this month.\nShelter unsafe.' });
      waiting = await step(waiting, 'board-review', { meetingDate: undefined, meetingId: meeting, report: 'Verges churned up by parked cars.' });
      await step(elsewhere, 'board-review', { report: 'Not on this agenda.' });

      referred = await step(referred, 'refer', { meetingId: meeting, serviceProvider: 'Wiltshire Highways' }, managerOf('trowbridge'));
      resolved = await step(resolved, 'roundtable', { meetingId: meeting }, chairOf('trowbridge'));
      resolved = await step(resolved, 'resolve', { meetingId: meeting, outcome: 'Glass replaced with laminated panels.' }, chairOf('trowbridge'));
    });

    it('lists exactly the issues put to the meeting, in order, with their reports, statuses and decisions, then the standing item', async () => {
      // Two projections behind it (meetings, and the public tracker's statuses): both catch up within a second.
      await eventually(async () => expect((await agendaOf(meeting)).body).toEqual({
        meeting: { id: meeting, areaId: 'trowbridge', date: '2027-05-06T18:00:00.000Z', venue: 'County Hall <Main Chamber> & "Annex"' },
        items: [
          {
            reference: referred.reference,
            title: 'Pothole on Castle Street',
            category: 'highways',
            report: 'Deep pothole; residents ask for a repair.',
            status: 'referred',
            decision: 'Referred to Wiltshire Highways',
          },
          {
            reference: resolved.reference,
            title: 'Bus shelter <b>glass</b> broken & "unsafe"',
            category: 'highways',
            report: 'Glass broken twice this month.\nShelter unsafe.',
            status: 'resolved',
            decision: 'Resolved: Glass replaced with laminated panels.',
          },
          { reference: waiting.reference, title: 'Parking on the verge', category: 'highways', report: 'Verges churned up by parked cars.', status: 'boardReview' },
        ],
        standingItems: [{ title: 'Matters of local concern', description: expect.stringContaining('matters of local concern') }],
        asOfPosition: expect.any(Number),
      }));
    });

    it('shows a roundtable convened at the meeting as its decision', async () => {
      const other = await meetingIn('trowbridge', '2027-05-13');
      let issue = await issueIn('trowbridge', 'Noise from the depot');
      issue = await step(issue, 'board-review', { meetingDate: undefined, meetingId: other });
      await step(issue, 'roundtable', { meetingId: other }, chairOf('trowbridge'));
      await eventually(async () => expect((await agendaOf(other)).body.items).toEqual([expect.objectContaining({ status: 'roundtable', decision: 'Roundtable convened' })]));
    });

    it('answers an agenda with no issues yet with the standing item alone', async () => {
      const empty = await meetingIn('calne', '2027-05-06');
      expect((await agendaOf(empty)).body).toMatchObject({ items: [], standingItems: [{ title: 'Matters of local concern' }] });
    });

    it('prints it: the board, date, venue and every item numbered, each value escaped, under a policy that allows only its style sheet', async () => {
      await eventually(async () => expect((await agendaOf(meeting)).body.items[1].decision).toMatch(/^Resolved/));
      const response = await api.http.get(`/meetings/${meeting}/agenda.html`).expect(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['content-security-policy']).toContain("style-src 'self'");
      expect(response.headers['content-security-policy']).toContain("default-src 'none'");
      const html = response.text;
      expect(html).toContain('<p class="board">Trowbridge Area Board</p>');
      expect(html).toContain('Thursday 6 May 2027, 7:00 pm');
      expect(html).toContain('County Hall &lt;Main Chamber&gt; &amp; &quot;Annex&quot;');
      expect(html).toContain(`1.</span> <span class="reference">${referred.reference}</span> Pothole on Castle Street`);
      expect(html).toContain(`2.</span> <span class="reference">${resolved.reference}</span> Bus shelter &lt;b&gt;glass&lt;/b&gt; broken &amp; &quot;unsafe&quot;`);
      expect(html).toContain(`3.</span> <span class="reference">${waiting.reference}</span> Parking on the verge`);
      expect(html).toContain('4.</span> Matters of local concern');
      expect(html).toContain('Referred to Wiltshire Highways');
      expect(html).toContain('Resolved: Glass replaced with laminated panels.');
      expect(html).toContain('Glass broken twice this month.\nShelter unsafe.');
      expect(html).not.toContain('<b>glass</b>');
      expect(html).not.toMatch(/<script|<style|\sstyle=/i);
      const sheet = /<link rel="stylesheet" href="([^"]+)">/.exec(html)?.[1];
      expect(sheet).toBe('/web/agenda.css');
      const css = await api.http.get(sheet!).expect(200);
      expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
      expect(css.text).toContain('@media print');
    });

    it("never shows the residents' names, contact details or addresses, in the JSON or the printed page", async () => {
      const json = JSON.stringify((await agendaOf(meeting)).body);
      const html = (await api.http.get(`/meetings/${meeting}/agenda.html`).expect(200)).text;
      // The issue itself holds them (staff read them): they are there to leak, and do not.
      expect(JSON.stringify((await api.http.get(`/issues/${referred.id}`).set('Authorization', admin).expect(200)).body)).toContain(RESIDENT.email);
      for (const personal of PERSONAL) {
        expect(json).not.toContain(personal);
        expect(html).not.toContain(personal);
      }
    });
  });

  describe('the minutes', () => {
    it('publishes them for the board chair, carries them on the meeting, and replaces them when published again', async () => {
      const meeting = await meetingIn('trowbridge', day(-7));
      const first = await publish(meeting, { text: 'Draft minutes.' }).expect(200);
      expect(first.body).toEqual({
        id: meeting,
        areaId: 'trowbridge',
        date: day(-7),
        venue: 'Town Hall',
        minutes: { text: 'Draft minutes.', publishedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/) },
      });
      expect((await api.http.get(`/meetings/${meeting}`).expect(200)).body).toEqual(first.body);

      const second = await publish(meeting, { text: 'Approved minutes: item 1 referred to Highways.' }).expect(200);
      expect(second.body.minutes.text).toBe('Approved minutes: item 1 referred to Highways.');
      expect(Date.parse(second.body.minutes.publishedAt)).toBeGreaterThanOrEqual(Date.parse(first.body.minutes.publishedAt));
      expect((await api.http.get(`/meetings/${meeting}`).expect(200)).body).toEqual(second.body);
      expect((await store().readStream(`meeting-${meeting}`)).map((event) => event.type)).toEqual(['MeetingScheduled', 'MinutesPublished', 'MinutesPublished']);

      await eventually(async () => {
        const listed = (await api.http.get(`/areas/trowbridge/meetings?from=${day(-7)}&to=${day(-6)}`).expect(200)).body.items;
        expect(listed).toEqual([second.body]);
      });
      expect((await agendaOf(meeting)).body.meeting).toEqual(second.body);
    });

    it('publishes minutes of a meeting still to come', async () => {
      const meeting = await meetingIn('trowbridge', '2027-09-02');
      await publish(meeting, { text: 'Provisional.' }).expect(200);
    });
  });
});
