import { localDateTimeToIso } from '../../shared/formFields';
import { checkIntake, intakeFields } from './intakeFields';

const NOW = new Date('2026-11-24T12:00:00Z');
const FIELDS = intakeFields(['highways', 'street-lighting'], [{ id: 'trowbridge', code: 'TROW', name: 'Trowbridge' }]);

/** A phone call typed up the next morning, with the resident's details but no location. */
const call = (overrides: Record<string, string> = {}) => ({
  title: 'Streetlight out',
  description: 'The light outside 4 Mill Lane has been out for a week.',
  category: 'street-lighting',
  areaId: 'trowbridge',
  channel: 'phone',
  occurredAt: '2026-11-23T16:45',
  'raisedBy.name': 'Bea Caller',
  'raisedBy.email': '',
  'raisedBy.phone': '01225 111222',
  ...overrides,
});

describe('staff intake checks its form before sending it', () => {
  it("sends the contract's body: the resident nested, the time received as an instant, no location when none was given", () => {
    expect(checkIntake(FIELDS, call(), NOW)).toEqual({
      ok: true,
      body: {
        title: 'Streetlight out',
        description: 'The light outside 4 Mill Lane has been out for a week.',
        category: 'street-lighting',
        areaId: 'trowbridge',
        channel: 'phone',
        occurredAt: localDateTimeToIso('2026-11-23T16:45'),
        raisedBy: { name: 'Bea Caller', phone: '01225 111222' },
      },
    });
  });

  it('offers the staff channels only, categories in words, and the areas given', () => {
    const options = (name: string) => FIELDS.find((field) => field.name === name)?.options;
    expect(options('channel')).toEqual([
      { value: 'phone', label: 'Phone' },
      { value: 'letter', label: 'Letter' },
      { value: 'email', label: 'Email' },
      { value: 'meeting', label: 'Meeting' },
    ]);
    expect(options('category')).toEqual([
      { value: 'highways', label: 'Highways' },
      { value: 'street-lighting', label: 'Street lighting' },
    ]);
    expect(options('areaId')).toEqual([{ value: 'trowbridge', label: 'Trowbridge' }]);
    expect(checkIntake(FIELDS, call({ channel: 'online' }), NOW)).toEqual({ ok: false, problems: { channel: 'Channel: choose one of the options' } });
  });

  it('requires when it was received, and refuses a time in the future', () => {
    expect(checkIntake(FIELDS, call({ occurredAt: '' }), NOW)).toEqual({ ok: false, problems: { occurredAt: 'Received at is required' } });
    expect(checkIntake(FIELDS, call({ occurredAt: '2026-11-25T09:00' }), NOW)).toEqual({ ok: false, problems: { occurredAt: 'Received at cannot be in the future' } });
  });

  it('names every missing required field and a title shorter than the API takes', () => {
    const check = checkIntake(FIELDS, { title: 'ab', channel: 'letter' }, NOW);
    expect(check).toEqual({
      ok: false,
      problems: {
        title: 'Title must be at least 3 characters',
        description: 'Description is required',
        category: 'Category is required',
        areaId: 'Area is required',
        occurredAt: 'Received at is required',
        'raisedBy.name': 'Name is required',
      },
    });
  });

  it('sends a point with its address, the coordinates as numbers', () => {
    const check = checkIntake(FIELDS, call({ 'location.address': '4 Mill Lane', 'location.lat': ' 51.3192 ', 'location.lng': '−2.2083' }), NOW);
    expect(check.ok && check.body.location).toEqual({ lat: 51.3192, lng: -2.2083, address: '4 Mill Lane' });
    const pointOnly = checkIntake(FIELDS, call({ 'location.lat': '-90', 'location.lng': '180' }), NOW);
    expect(pointOnly.ok && pointOnly.body.location).toEqual({ lat: -90, lng: 180 });
  });

  it('wants both coordinates or neither, numbers in range', () => {
    expect(checkIntake(FIELDS, call({ 'location.lat': '51.3' }), NOW)).toEqual({ ok: false, problems: { 'location.lng': 'Longitude is needed with a latitude: give both, or neither' } });
    expect(checkIntake(FIELDS, call({ 'location.lng': '-2.2' }), NOW)).toEqual({ ok: false, problems: { 'location.lat': 'Latitude is needed with a longitude: give both, or neither' } });
    expect(checkIntake(FIELDS, call({ 'location.lat': '90.5', 'location.lng': '1e2' }), NOW)).toEqual({
      ok: false,
      problems: { 'location.lat': 'Latitude must be between -90 and 90', 'location.lng': 'Longitude must be a number, like -2.2083' },
    });
    expect(checkIntake(FIELDS, call({ 'location.lat': 'north', 'location.lng': '-180.01' }), NOW)).toEqual({
      ok: false,
      problems: { 'location.lat': 'Latitude must be a number, like 51.3192', 'location.lng': 'Longitude must be between -180 and 180' },
    });
  });

  it('puts an address with no point at the end of the description, as /report and Open311 do, within its 5000 characters', () => {
    const check = checkIntake(FIELDS, call({ description: 'Lamp out.', 'location.address': '4 Mill Lane' }), NOW);
    expect(check.ok && check.body).toMatchObject({ description: 'Lamp out.\n\nLocation as given: 4 Mill Lane' });
    expect(check.ok && check.body.location).toBeUndefined();
    const full = checkIntake(FIELDS, call({ description: 'x'.repeat(4990), 'location.address': '4 Mill Lane' }), NOW);
    expect(full).toEqual({ ok: false, problems: { description: expect.stringContaining('when the address is added to it') } });
  });

  it("reports the form's problems and the point's together", () => {
    const check = checkIntake(FIELDS, call({ title: '', 'location.lat': 'x', 'location.lng': '0' }), NOW);
    expect(check).toEqual({ ok: false, problems: { title: 'Title is required', 'location.lat': 'Latitude must be a number, like 51.3192' } });
  });
});
