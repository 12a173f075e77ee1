import { COMMAND_FIELDS, commandFormFields } from './commandForms';
import { checkForm, fieldAsFilled, type FieldSpec, listItems, localDateTimeToIso, serverProblems } from './formFields';

const NOW = new Date('2026-11-24T12:00:00Z');

describe('the console checks a command form before sending it', () => {
  it('sends exactly the fields the user filled in, with lists split and dates kept as dates', () => {
    const check = checkForm(commandFormFields('roundtable'), { date: '2026-11-20', participants: 'Cllr Ames\nPC Brook, Ms Carr\n\n' }, NOW);
    expect(check).toEqual({ ok: true, body: { date: '2026-11-20', participants: ['Cllr Ames', 'PC Brook', 'Ms Carr'] } });
  });

  it('names each missing required field, in the words of its label', () => {
    const check = checkForm(commandFormFields('board-review'), { meetingDate: '', report: '   ' }, NOW);
    expect(check).toEqual({ ok: false, problems: { meetingDate: 'Meeting date is required', report: 'Report is required' } });
  });

  it('refuses text longer than the API accepts, counting characters rather than UTF-16 units', () => {
    const atLimit = '🙂'.repeat(200);
    expect(checkForm(COMMAND_FIELDS.refer, { serviceProvider: atLimit }, NOW).ok).toBe(true);
    const over = checkForm(COMMAND_FIELDS.refer, { serviceProvider: `${atLimit}x` }, NOW);
    expect(over).toEqual({ ok: false, problems: { serviceProvider: 'Service provider must be at most 200 characters (it has 201)' } });
  });

  it('refuses a date that is not on the calendar and an occurredAt in the future', () => {
    const check = checkForm(commandFormFields('assign'), { officer: 'Sam', dueBy: '2026-02-30', occurredAt: '2026-11-25T09:00' }, NOW);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems.dueBy).toBe('Due by must be a date (YYYY-MM-DD)');
    expect(check.problems.occurredAt).toBe('Occurred at cannot be in the future');
  });

  it('sends occurredAt as an ISO instant and leaves it out when empty', () => {
    const withTime = checkForm(commandFormFields('resolve'), { outcome: 'Fixed', occurredAt: '2026-11-23T09:30' }, NOW);
    expect(withTime.ok && withTime.body.occurredAt).toBe(localDateTimeToIso('2026-11-23T09:30'));
    expect(checkForm(commandFormFields('resolve'), { outcome: 'Fixed', occurredAt: '' }, NOW)).toEqual({ ok: true, body: { outcome: 'Fixed' } });
  });

  it("sends a note's public box as a boolean, unticked as false", () => {
    expect(checkForm(COMMAND_FIELDS.notes, { text: 'Called the contractor' }, NOW)).toEqual({ ok: true, body: { text: 'Called the contractor', public: false } });
    expect(checkForm(COMMAND_FIELDS.notes, { text: 'Work starts Monday', public: true }, NOW)).toEqual({ ok: true, body: { text: 'Work starts Monday', public: true } });
  });

  it('accepts only the offered choices', () => {
    expect(checkForm(COMMAND_FIELDS['feed-back'], { message: 'Done', channel: 'pigeon' }, NOW)).toEqual({ ok: false, problems: { channel: 'Channel: choose one of the options' } });
    expect(checkForm(COMMAND_FIELDS['feed-back'], { message: 'Done', channel: 'email' }, NOW)).toEqual({ ok: true, body: { message: 'Done', channel: 'email' } });
  });

  it('nests dotted field names in the body', () => {
    const fields = [
      { name: 'raisedBy.name', label: 'Name', kind: 'text', required: true, max: 200 },
      { name: 'raisedBy.email', label: 'Email', kind: 'email', required: false },
    ] as const;
    expect(checkForm(fields, { 'raisedBy.name': 'Ann', 'raisedBy.email': ' ann@example.org ' }, NOW)).toEqual({ ok: true, body: { raisedBy: { name: 'Ann', email: 'ann@example.org' } } });
    expect(checkForm(fields, { 'raisedBy.name': 'Ann', 'raisedBy.email': 'not an address' }, NOW)).toEqual({
      ok: false,
      problems: { 'raisedBy.email': 'Email must be an email address, like name@example.org' },
    });
  });

  it("puts the server's 400 messages beside the fields they name, and keeps the rest for the summary", () => {
    const { byField, rest } = serverProblems(COMMAND_FIELDS.refer, ['serviceProvider must not be blank', 'expectedVersion must be an integer']);
    expect(byField).toEqual({ serviceProvider: 'serviceProvider must not be blank' });
    expect(rest).toEqual(['expectedVersion must be an integer']);
  });

  it('reads a list one per line or comma-separated', () => {
    expect(listItems(' a ,b\n\nc,')).toEqual(['a', 'b', 'c']);
  });
});

describe('a Yes/No question and a field required by another answer (Record confirmation)', () => {
  const confirmed: FieldSpec = { name: 'confirmed', label: 'Did the resident confirm it is resolved?', kind: 'yesNo', required: true, missing: 'Say whether the resident confirmed it is resolved' };
  const reason: FieldSpec = { name: 'reason', label: 'Reason', kind: 'longText', required: false, requiredWhen: { field: 'confirmed', value: 'no' }, max: 10 };

  it('sends Yes and No as booleans, and names an unanswered question in its own words', () => {
    expect(checkForm([confirmed], { confirmed: 'yes' })).toEqual({ ok: true, body: { confirmed: true } });
    expect(checkForm([confirmed], { confirmed: 'no' })).toEqual({ ok: true, body: { confirmed: false } });
    expect(checkForm([confirmed], {})).toEqual({ ok: false, problems: { confirmed: 'Say whether the resident confirmed it is resolved' } });
    expect(checkForm([confirmed], { confirmed: 'maybe' })).toEqual({ ok: false, problems: { confirmed: 'Did the resident confirm it is resolved?: choose one of the options' } });
  });

  it('requires the reason only when the answer is No, with the usual limits', () => {
    expect(checkForm([confirmed, reason], { confirmed: 'yes' })).toEqual({ ok: true, body: { confirmed: true } });
    expect(checkForm([confirmed, reason], { confirmed: 'no' })).toEqual({ ok: false, problems: { reason: 'Reason is required' } });
    expect(checkForm([confirmed, reason], { confirmed: 'no', reason: 'Still out' })).toEqual({ ok: true, body: { confirmed: false, reason: 'Still out' } });
    expect(checkForm([confirmed, reason], { confirmed: 'no', reason: 'Far too long a reason' })).toMatchObject({ ok: false, problems: { reason: expect.stringMatching(/^Reason must be at most 10/) } });
    expect(fieldAsFilled(reason, { confirmed: 'no' }).required).toBe(true);
    expect(fieldAsFilled(reason, { confirmed: 'yes' })).toBe(reason);
  });
});
