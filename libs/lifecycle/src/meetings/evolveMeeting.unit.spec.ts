import { UnknownEventError } from '../upcast';
import { foldMeeting, NO_MEETING } from './evolveMeeting';
import { upcastMeetingEvent } from './meetingEvents';

describe("a meeting's fold", () => {
  it('knows nothing of a stream with no events', () => {
    expect(foldMeeting([])).toEqual(NO_MEETING);
  });

  it('takes the area, date and venue from MeetingScheduled, and the latest minutes', () => {
    const state = foldMeeting([
      { type: 'MeetingScheduled', occurredAt: '2026-11-01T10:00:00.000Z', data: { areaId: 'calne', date: '2026-12-03', venue: 'Calne Library' } },
      { type: 'MinutesPublished', occurredAt: '2026-12-04T10:00:00.000Z', data: { text: 'Draft' } },
      { type: 'MinutesPublished', occurredAt: '2026-12-10T10:00:00.000Z', data: { text: 'Approved' } },
    ]);
    expect(state).toEqual({
      version: 3,
      areaId: 'calne',
      date: '2026-12-03',
      venue: 'Calne Library',
      minutes: { text: 'Approved', publishedAt: '2026-12-10T10:00:00.000Z' },
      updatedAt: '2026-12-10T10:00:00.000Z',
    });
  });

  it('reads stored meeting events at version 1, and refuses types and versions it does not know', () => {
    const stored = { type: 'MinutesPublished', data: { text: 'x' }, occurredAt: '2026-12-04T10:00:00.000Z', schemaVersion: 1 };
    expect(upcastMeetingEvent(stored)).toEqual({ type: 'MinutesPublished', data: { text: 'x' }, occurredAt: stored.occurredAt });
    expect(() => upcastMeetingEvent({ ...stored, schemaVersion: 2 })).toThrow(UnknownEventError);
    expect(() => upcastMeetingEvent({ ...stored, type: 'MeetingCancelled' })).toThrow(UnknownEventError);
    expect(() => upcastMeetingEvent({ ...stored, type: 'ScorecardChosen' })).toThrow(UnknownEventError);
  });
});
