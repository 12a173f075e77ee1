import { checkCommandForm, commandFormFields, MEETING_OR_DATE } from './commandForms';

const MEETINGS = [
  { id: '11111111-1111-4111-8111-111111111111', label: 'Thursday 3 December 2026, County Hall' },
  { id: '22222222-2222-4222-8222-222222222222', label: 'Thursday 7 January 2027, Civic Centre' },
];
const NOW = new Date('2026-11-24T12:00:00Z');

describe('the board review form, with the area meetings to offer', () => {
  it('offers the meetings before the date, which becomes optional; without meetings it asks for the date alone', () => {
    const offered = commandFormFields('board-review', MEETINGS);
    expect(offered.map((field) => [field.name, field.required])).toEqual([
      ['meetingId', false],
      ['meetingDate', false],
      ['report', true],
      ['occurredAt', false],
    ]);
    expect(offered[0]).toMatchObject({ kind: 'choice', label: 'Meeting', options: MEETINGS.map(({ id, label }) => ({ value: id, label })) });
    expect(commandFormFields('board-review').map((field) => [field.name, field.required])).toEqual([
      ['meetingDate', true],
      ['report', true],
      ['occurredAt', false],
    ]);
    expect(commandFormFields('refer', MEETINGS).map((field) => field.name)).not.toContain('meetingId');
  });

  it('sends the meeting chosen, and no date', () => {
    const fields = commandFormFields('board-review', MEETINGS);
    expect(checkCommandForm('board-review', fields, { meetingId: MEETINGS[1].id, report: 'For the board.' }, NOW)).toEqual({
      ok: true,
      body: { meetingId: MEETINGS[1].id, report: 'For the board.' },
    });
  });

  it('sends a date alone for a meeting not listed', () => {
    const fields = commandFormFields('board-review', MEETINGS);
    expect(checkCommandForm('board-review', fields, { meetingId: '', meetingDate: '2027-02-04', report: 'For the board.' }, NOW)).toEqual({
      ok: true,
      body: { meetingDate: '2027-02-04', report: 'For the board.' },
    });
  });

  it('asks for a meeting or a date when neither is given, beside the date, with any other problem', () => {
    const fields = commandFormFields('board-review', MEETINGS);
    expect(checkCommandForm('board-review', fields, { report: 'For the board.' }, NOW)).toEqual({ ok: false, problems: { meetingDate: MEETING_OR_DATE } });
    expect(checkCommandForm('board-review', fields, { meetingDate: '  ' }, NOW)).toEqual({ ok: false, problems: { meetingDate: MEETING_OR_DATE, report: 'Report is required' } });
  });

  it('refuses a meeting that is not one offered', () => {
    const fields = commandFormFields('board-review', MEETINGS);
    const check = checkCommandForm('board-review', fields, { meetingId: 'someone-elses', report: 'x' }, NOW);
    expect(check).toEqual({ ok: false, problems: { meetingId: 'Meeting: choose one of the options' } });
  });
});
