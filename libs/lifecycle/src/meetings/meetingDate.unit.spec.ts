import { isPastMeeting, meetingDayOf, meetingStartOf, normaliseMeetingDate, sameMeetingDate } from './meetingDate';

describe("a board meeting's date", () => {
  it('keeps a bare date as given and a date-time in UTC with milliseconds', () => {
    expect(normaliseMeetingDate('2026-12-03')).toBe('2026-12-03');
    expect(normaliseMeetingDate('2026-06-04T19:00:00+01:00')).toBe('2026-06-04T18:00:00.000Z');
    expect(normaliseMeetingDate('2026-06-04T19:00:00.5+0100')).toBe('2026-06-04T18:00:00.500Z');
    expect(normaliseMeetingDate('2026-06-04t18:00z')).toBe('2026-06-04T18:00:00.000Z');
  });

  it.each(['2026-02-29', '2026-04-31', '2026-12-03T18:00:00', '2026-12-03 18:00Z', '2026-W49', '20261203', '2026-12-03T25:00Z', ''])('refuses %p', (text) => {
    expect(normaliseMeetingDate(text)).toBeUndefined();
  });

  it('gives the day in UTC, and the instant a meeting starts at for ordering', () => {
    expect(meetingDayOf('2026-12-03')).toBe('2026-12-03');
    expect(meetingDayOf('2026-12-03T23:30:00.000Z')).toBe('2026-12-03');
    expect(meetingStartOf('2026-12-03')).toBe('2026-12-03T00:00:00.000Z');
    expect(meetingStartOf('2026-12-03T18:00:00.000Z')).toBe('2026-12-03T18:00:00.000Z');
  });

  it('is past from the next calendar day in UTC on: a meeting earlier today is not past', () => {
    const now = new Date('2026-11-23T22:00:00.000Z');
    expect(isPastMeeting('2026-11-22', now)).toBe(true);
    expect(isPastMeeting('2026-11-22T23:59:59.999Z', now)).toBe(true);
    expect(isPastMeeting('2026-11-23', now)).toBe(false);
    expect(isPastMeeting('2026-11-23T09:00:00.000Z', now)).toBe(false);
    expect(isPastMeeting('2026-11-24', now)).toBe(false);
  });

  it('takes a bare date as the same date as a date-time on that day (UTC), and nothing else', () => {
    expect(sameMeetingDate('2026-12-03', '2026-12-03')).toBe(true);
    expect(sameMeetingDate('2026-12-03', '2026-12-03T18:00:00.000Z')).toBe(true);
    expect(sameMeetingDate('2026-12-03T19:00:00+01:00', '2026-12-03T18:00:00.000Z')).toBe(true);
    expect(sameMeetingDate('2026-12-04', '2026-12-03T18:00:00.000Z')).toBe(false);
    expect(sameMeetingDate('2026-12-03T17:00:00Z', '2026-12-03T18:00:00.000Z')).toBe(false);
    expect(sameMeetingDate('2026-12-03', 'not a date')).toBe(false);
  });
});
