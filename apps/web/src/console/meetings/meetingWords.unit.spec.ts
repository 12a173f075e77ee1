import { agendaHref, meetingDateLabel, meetingOptionLabel, todayInUtc } from './meetingWords';

describe('a board meeting in words', () => {
  it('says a bare date as that calendar day, and a date-time with its time in London', () => {
    expect(meetingDateLabel('2026-12-03')).toBe('Thursday 3 December 2026');
    expect(meetingDateLabel('2026-12-03T18:30:00.000Z')).toMatch(/^Thursday 3 December 2026.*18:30$/);
    expect(meetingDateLabel('2026-06-04T18:00:00.000Z')).toMatch(/^Thursday 4 June 2026.*19:00$/);
    expect(meetingDateLabel('not a date')).toBe('not a date');
  });

  it('offers a meeting by its date and venue, and links its printable agenda', () => {
    const meeting = { id: 'a b', areaId: 'trowbridge', date: '2026-12-03', venue: 'County Hall' };
    expect(meetingOptionLabel(meeting)).toBe('Thursday 3 December 2026, County Hall');
    expect(agendaHref(meeting)).toBe('/meetings/a%20b/agenda.html');
  });

  it('takes today as the server does for "not in the past": the calendar day in UTC', () => {
    expect(todayInUtc(new Date('2026-06-30T23:30:00.000Z'))).toBe('2026-06-30');
  });
});
