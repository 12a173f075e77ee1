import { cy } from '../shared/i18n/cy';
import { ADDRESS, checkReport, reportFields, withAddress } from './reportFields';

const NOW = new Date('2026-11-24T12:00:00Z');
const FIELDS = reportFields(['highways', 'street-lighting'], [{ id: 'trowbridge', code: 'TROW', name: 'Trowbridge Area Board' }]);
const FILLED = {
  title: 'Broken street light',
  description: 'The light outside number 4 has been off for a week.',
  category: 'street-lighting',
  areaId: 'trowbridge',
  'raisedBy.name': 'Ada Resident',
};

describe("the resident's report form checks itself before sending", () => {
  it('offers the categories in words and the areas by name', () => {
    const category = FIELDS.find((field) => field.name === 'category');
    expect(category?.options).toEqual([
      { value: 'highways', label: 'Highways' },
      { value: 'street-lighting', label: 'Street lighting' },
    ]);
    expect(FIELDS.find((field) => field.name === 'areaId')?.options).toEqual([{ value: 'trowbridge', label: 'Trowbridge Area Board' }]);
  });

  it('names every missing required field, and only those', () => {
    expect(checkReport(FIELDS, {}, null, NOW)).toEqual({
      ok: false,
      problems: {
        title: 'Title is required',
        description: 'Description is required',
        category: 'Category is required',
        areaId: 'Area is required',
        'raisedBy.name': 'Name is required',
      },
    });
  });

  it('sends an online report with no location when neither a point nor an address is given', () => {
    expect(checkReport(FIELDS, { ...FILLED, [ADDRESS]: '  ' }, null, NOW)).toEqual({
      ok: true,
      body: {
        title: 'Broken street light',
        description: 'The light outside number 4 has been off for a week.',
        category: 'street-lighting',
        areaId: 'trowbridge',
        raisedBy: { name: 'Ada Resident', language: 'en' },
        channel: 'online',
      },
    });
  });

  it('puts an address given without a point into the description as its last paragraph, and sends no location', () => {
    const check = checkReport(FIELDS, { ...FILLED, description: 'Off for a week.\n\n', [ADDRESS]: ' 4 Hill Road, Trowbridge ' }, null, NOW);
    expect(check.ok && check.body).toEqual(expect.objectContaining({ description: 'Off for a week.\n\nLocation as given: 4 Hill Road, Trowbridge', channel: 'online' }));
    expect(check.ok && check.body).not.toHaveProperty('location');
  });

  it('sends a point as the location, with the address beside it when one was typed', () => {
    const point = { lat: 51.3192, lng: -2.2083 };
    const withBoth = checkReport(FIELDS, { ...FILLED, [ADDRESS]: '4 Hill Road' }, point, NOW);
    expect(withBoth.ok && withBoth.body).toEqual(expect.objectContaining({ description: FILLED.description, location: { lat: 51.3192, lng: -2.2083, address: '4 Hill Road' } }));
    const pointOnly = checkReport(FIELDS, FILLED, point, NOW);
    expect(pointOnly.ok && pointOnly.body.location).toEqual(point);
  });

  it("keeps the description within the API's 5000 characters once the address is added to it", () => {
    const address = '4 Hill Road';
    const room = 5000 - withAddress('', address).length;
    expect(checkReport(FIELDS, { ...FILLED, description: 'x'.repeat(room), [ADDRESS]: address }, null, NOW).ok).toBe(true);
    expect(checkReport(FIELDS, { ...FILLED, description: 'x'.repeat(room + 1), [ADDRESS]: address }, null, NOW)).toEqual({
      ok: false,
      problems: { description: `Description must be at most ${room} characters when the address is added to it (it has ${room + 1}): shorten one of them` },
    });
    // With a point, the address travels in the location, and the description may use all 5000.
    expect(checkReport(FIELDS, { ...FILLED, description: 'x'.repeat(5000), [ADDRESS]: address }, { lat: 51, lng: -2 }, NOW).ok).toBe(true);
  });

  it("checks the resident's details: an email address's shape, a phone number's length", () => {
    expect(checkReport(FIELDS, { ...FILLED, 'raisedBy.email': 'ada at home', 'raisedBy.phone': '12' }, null, NOW)).toEqual({
      ok: false,
      problems: { 'raisedBy.email': 'Email must be an email address, like name@example.org', 'raisedBy.phone': 'Phone must be at least 3 characters' },
    });
    const check = checkReport(FIELDS, { ...FILLED, 'raisedBy.email': 'ada@example.org', 'raisedBy.phone': '01225 000000' }, null, NOW);
    expect(check.ok && check.body.raisedBy).toEqual({ name: 'Ada Resident', email: 'ada@example.org', phone: '01225 000000', language: 'en' });
  });

  it('sends a postal address for a letter, within the API’s 5 to 500 characters', () => {
    const postal = '17 Larkspur Close\nTrowbridge BA14 9ZZ';
    const check = checkReport(FIELDS, { ...FILLED, 'raisedBy.postalAddress': postal }, null, NOW);
    expect(check.ok && check.body.raisedBy).toEqual({ name: 'Ada Resident', postalAddress: postal, language: 'en' });
    expect(checkReport(FIELDS, { ...FILLED, 'raisedBy.postalAddress': 'BA14' }, null, NOW)).toEqual({ ok: false, problems: { 'raisedBy.postalAddress': 'Postal address must be at least 5 characters' } });
    expect(checkReport(FIELDS, { ...FILLED, 'raisedBy.postalAddress': 'x'.repeat(501) }, null, NOW)).toEqual({
      ok: false,
      problems: { 'raisedBy.postalAddress': 'Postal address must be at most 500 characters (it has 501)' },
    });
  });
});

describe('the report form in Welsh', () => {
  const WELSH = reportFields(['highways', 'street-lighting'], [{ id: 'trowbridge', code: 'TROW', name: 'Trowbridge Area Board' }], cy);

  it('labels every field in Welsh and names the known categories in Welsh', () => {
    expect(WELSH.map((field) => field.label)).toEqual(['Teitl', 'Disgrifiad', 'Categori', 'Ardal', 'Cyfeiriad', 'Enw', 'E-bost', 'Rhif ffôn', 'Cyfeiriad post']);
    expect(WELSH.find((field) => field.name === 'category')?.options).toEqual([
      { value: 'highways', label: 'Priffyrdd' },
      // A category the dictionaries do not know is shown from its id rather than not at all.
      { value: 'street-lighting', label: 'Street lighting' },
    ]);
  });

  it('says what is missing or wrong in Welsh', () => {
    expect(checkReport(WELSH, {}, null, NOW, cy)).toEqual({
      ok: false,
      problems: { title: 'Rhowch deitl', description: 'Rhowch ddisgrifiad', category: 'Dewiswch gategori', areaId: 'Dewiswch ardal', 'raisedBy.name': 'Rhowch eich enw' },
    });
    expect(checkReport(WELSH, { ...FILLED, 'raisedBy.email': 'ada', 'raisedBy.phone': '12' }, null, NOW, cy)).toEqual({
      ok: false,
      problems: { 'raisedBy.email': 'E-bost: rhowch gyfeiriad e-bost dilys, fel enw@enghraifft.org', 'raisedBy.phone': 'Rhif ffôn: defnyddiwch o leiaf 3 nod' },
    });
    const address = '4 Hill Road';
    const room = 5000 - withAddress('', address).length;
    expect(checkReport(WELSH, { ...FILLED, description: 'x'.repeat(room + 1), [ADDRESS]: address }, null, NOW, cy)).toEqual({
      ok: false,
      problems: { description: `Disgrifiad: defnyddiwch ${room} nod neu lai pan fydd y cyfeiriad yn cael ei ychwanegu ato (mae ${room + 1} nod ynddo ar hyn o bryd): byrhewch un ohonynt` },
    });
  });

  it('asks for the resident to be written to in Welsh', () => {
    const check = checkReport(WELSH, FILLED, null, NOW, cy);
    expect(check.ok && check.body.raisedBy).toEqual({ name: 'Ada Resident', language: 'cy' });
  });
});
