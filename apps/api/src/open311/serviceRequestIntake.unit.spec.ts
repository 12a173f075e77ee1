import { loadAreas } from '../config/areas';
import { readServiceRequest, titleOf, UNNAMED_RESIDENT } from './serviceRequestIntake';

const areas = loadAreas(undefined);
const form = (fields: Record<string, unknown> = {}) => ({ service_code: 'highways', lat: '51.3192', long: '-2.2083', description: 'Pothole on Castle Street', ...fields });

describe('reading a GeoReport v2 POST into an intake', () => {
  it('given lat/long, then the board whose boundary holds it, the location, the resident as raisedBy, online', () => {
    const reading = readServiceRequest(form({ first_name: 'Ada', last_name: 'Byron', email: 'ada@example.org', phone: '01225 000000', address_string: '12 Castle St' }), areas);
    expect(reading).toEqual({
      ok: true,
      service: expect.objectContaining({ service_code: 'highways' }),
      body: {
        title: 'Pothole on Castle Street',
        description: 'Pothole on Castle Street',
        category: 'highways',
        areaId: 'trowbridge',
        channel: 'online',
        location: { lat: 51.3192, lng: -2.2083, address: '12 Castle St' },
        raisedBy: { name: 'Ada Byron', email: 'ada@example.org', phone: '01225 000000' },
      },
    });
  });

  it('given attribute[area] (nested or flat), then that board, even with no coordinates; the address only in the staff description', () => {
    for (const attribute of [{ attribute: { area: 'CALN' } }, { 'attribute[area]': 'calne' }]) {
      const reading = readServiceRequest(form({ lat: undefined, long: undefined, address_string: 'Market Hill', ...attribute }), areas);
      expect(reading).toMatchObject({ ok: true, body: { areaId: 'calne', description: 'Pothole on Castle Street\n\nLocation as given: Market Hill' } });
      expect(reading.ok && reading.body.location).toBeUndefined();
    }
  });

  it('given no name, then an anonymous resident; given photos, then their links in the description; unknown attributes ignored', () => {
    const reading = readServiceRequest(form({ first_name: '', last_name: '', media_url: ['https://x/1.jpg', 'https://x/2.jpg'], 'attribute[fixmystreet_id]': '9' }), areas);
    expect(reading).toMatchObject({ ok: true, body: { raisedBy: { name: UNNAMED_RESIDENT }, description: 'Pothole on Castle Street\n\nPhoto: https://x/1.jpg\n\nPhoto: https://x/2.jpg' } });
  });

  it.each([
    ['no service_code', { service_code: undefined }, 400, 'service_code is required'],
    ['an unknown service', { service_code: 'potholes' }, 404, 'potholes'],
    ['no location at all', { lat: undefined, long: undefined }, 400, 'a location is required'],
    ['a location outside every board', { lat: '51.5074', long: '-0.1278' }, 400, 'no area board serves this location'],
    ['only an address', { lat: undefined, long: undefined, address_id: '42' }, 400, 'the area cannot be found'],
    ['an unknown area', { 'attribute[area]': 'atlantis' }, 400, 'atlantis'],
    ['a field given twice', { email: ['a@b.c', 'd@e.f'] }, 400, 'email must be given once'],
    ['a coordinate that is not a number', { long: '2°W' }, 400, 'long must be decimal degrees'],
  ])('given %s, then the spec error', (_, fields, code, description) => {
    const reading = readServiceRequest(form(fields), areas);
    expect(reading.ok).toBe(false);
    if (!reading.ok) {
      expect(reading.problem.code).toBe(code);
      expect(reading.problem.description).toContain(description);
    }
  });
});

describe('the title of an Open311 request', () => {
  it('is the first line, without FixMyStreet\'s "title:" label', () => {
    expect(titleOf('title:  Pothole on Castle Street\n\ndetail: deep', 'Roads')).toBe('Pothole on Castle Street');
  });
  it('is cut at a word near 80 characters, never inside a character', () => {
    const long = `${'word '.repeat(30)}end`;
    const title = titleOf(long, 'Roads');
    expect(title.endsWith('word…')).toBe(true);
    expect(Array.from(title).length).toBeLessThanOrEqual(80);
    expect(titleOf('🚧'.repeat(100), 'Roads')).toBe(`${'🚧'.repeat(79)}…`);
  });
  it("is the service's name when the description says too little", () => {
    expect(titleOf('  \n ok', 'Roads and pavements')).toBe('Roads and pavements');
  });
});
