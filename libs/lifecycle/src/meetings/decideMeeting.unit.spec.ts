import { ROLES } from '../actor';
import { staff } from '../testing/fixtures';
import { MEETING_COMMAND_ROLES } from './meetingAuthorization';
import { AREA, eventsOf, given, NOW, publishMinutes, schedule } from './testing/meetingSpecification';

const secondsFromNow = (seconds: number) => new Date(NOW.getTime() + seconds * 1000).toISOString();

describe('decideMeeting: scheduling a meeting', () => {
  it('records MeetingScheduled with the area, the date as given and the venue', () => {
    given([])
      .when(schedule({ date: '2026-12-03', venue: 'Trowbridge Town Hall' }))
      .thenEvents([{ type: 'MeetingScheduled', occurredAt: NOW.toISOString(), data: { areaId: AREA, date: '2026-12-03', venue: 'Trowbridge Town Hall' } }])
      .andState({ version: 1, areaId: AREA, date: '2026-12-03', venue: 'Trowbridge Town Hall', minutes: null });
  });

  it('keeps a date-time in UTC with milliseconds', () => {
    given([])
      .when(schedule({ date: '2026-06-04T19:00:00+01:00' }))
      .thenEvents([{ data: expect.objectContaining({ date: '2026-06-04T18:00:00.000Z' }) }]);
    given([]).when(schedule({ date: '2026-12-03T18:30Z' })).thenEvents([{ data: expect.objectContaining({ date: '2026-12-03T18:30:00.000Z' }) }]);
  });

  it('records a meeting in the past too (a board that met before the system knew it)', () => {
    given([]).when(schedule({ date: '2025-01-15' })).thenEvents([{ data: expect.objectContaining({ date: '2025-01-15' }) }]);
  });

  it.each(['2026-02-30', '2026-12', 'next Thursday', '2026-12-03T18:00:00', '2026-13-01T10:00:00Z', '03/12/2026', ''])('refuses the date %p', (date) => {
    given([]).when(schedule({ date })).thenError({ kind: 'invalid-meeting' }).withProblems('date must be an ISO 8601 date');
  });

  it('refuses a blank venue, naming every problem at once', () => {
    given([]).when(schedule({ date: 'soon', venue: '  ' })).thenError({ kind: 'invalid-meeting' }).withProblems('date must be', 'venue must not be blank');
  });

  it('never schedules a stream twice', () => {
    given(eventsOf([schedule()])).when(schedule({ date: '2027-01-07' })).thenError({ kind: 'meeting-exists' });
  });
});

describe('decideMeeting: publishing the minutes', () => {
  const scheduled = eventsOf([schedule()]);

  it('records MinutesPublished; the state carries the text and when it was published', () => {
    given(scheduled)
      .when(publishMinutes({ text: 'The board agreed to refer item 1 to Highways.' }))
      .thenEvents([{ type: 'MinutesPublished', occurredAt: NOW.toISOString(), data: { text: 'The board agreed to refer item 1 to Highways.' } }])
      .andState({ version: 2, minutes: { text: 'The board agreed to refer item 1 to Highways.', publishedAt: NOW.toISOString() } });
  });

  it('replaces earlier minutes with a later publication', () => {
    const draft = { type: 'MinutesPublished' as const, occurredAt: NOW.toISOString(), data: { text: 'Draft' } };
    given([...scheduled, draft])
      .when(publishMinutes({ text: 'Approved' }), { now: new Date(NOW.getTime() + 60_000) })
      .thenEvents([{ type: 'MinutesPublished', data: { text: 'Approved' } }])
      .andState({ version: 3, minutes: { text: 'Approved', publishedAt: secondsFromNow(60) } });
  });

  it('publishes minutes of a meeting in the past or in the future alike', () => {
    for (const date of ['2020-03-05', '2030-03-05T18:00:00Z']) {
      given(eventsOf([schedule({ date })])).when(publishMinutes()).thenEvents([{ type: 'MinutesPublished' }]);
    }
  });

  it('refuses minutes of a meeting nobody scheduled', () => {
    given([]).when(publishMinutes()).thenError({ kind: 'no-such-meeting' });
  });

  it('refuses blank minutes', () => {
    given(scheduled).when(publishMinutes({ text: ' \n ' })).thenError({ kind: 'invalid-meeting' }).withProblems('text must not be blank');
  });

  it('never records an event as earlier than the stream latest, whatever the clock says', () => {
    const later = eventsOf([schedule()], { now: new Date(NOW.getTime() + 5000) });
    given(later).when(publishMinutes()).thenEvents([{ occurredAt: secondsFromNow(5) }]);
  });
});

describe('decideMeeting: who may act', () => {
  it('gives scheduling to area managers and board chairs, and the minutes to board chairs', () => {
    expect(MEETING_COMMAND_ROLES).toEqual({ 'schedule-meeting': ['areaManager', 'boardChair'], 'publish-minutes': ['boardChair'] });
  });

  const cases = [
    ['schedule-meeting', () => given([]), schedule()],
    ['publish-minutes', () => given(eventsOf([schedule()])), publishMinutes()],
  ] as const;

  describe.each(cases)('%s', (name, start, command) => {
    const roles = MEETING_COMMAND_ROLES[name];

    it.each(ROLES.filter((role) => role !== 'admin'))('by %s serving the area', (role) => {
      const attempt = start().when(command, { actor: staff(role) });
      if (roles.includes(role)) attempt.thenEvents([{ occurredAt: NOW.toISOString() }]);
      else attempt.thenError({ kind: 'forbidden', message: expect.stringContaining(`role ${role} may not`) });
    });

    it('by admin, serving no area in particular', () => {
      start().when(command, { actor: staff('admin', []) }).thenEvents([{ occurredAt: NOW.toISOString() }]);
    });

    it("by a permitted role serving other areas only: forbidden, naming the meeting's area", () => {
      start()
        .when(command, { actor: staff(roles[0], ['salisbury']) })
        .thenError({ kind: 'forbidden', message: `you do not serve area ${AREA}` });
    });

    it('by staff serving every area', () => {
      start().when(command, { actor: staff(roles[0], ['*']) }).thenEvents([{ occurredAt: NOW.toISOString() }]);
    });

    it('anonymously: unauthenticated', () => {
      start().when(command, { actor: { kind: 'anonymous' } }).thenError({ kind: 'unauthenticated' });
    });
  });
});
