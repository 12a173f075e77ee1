import { loadAreas } from '../config/areas';
import { requestUpdateOf, serviceRequestOf, statusNotesOf } from './serviceRequestView';
import type { TrackedRequest, TrackedStep } from './trackedRequests';
import { endOfLondonDay, parseW3cDateTime, w3cDateTime } from './w3cDates';

const areas = loadAreas(undefined);
const tracked = (overrides: Partial<TrackedRequest> = {}): TrackedRequest => ({
  issueId: 'i-1',
  reference: 'TROW-2026-00042',
  title: 'Pothole on Castle Street',
  category: 'highways',
  areaId: 'trowbridge',
  status: 'logged',
  loggedAt: '2026-03-02T09:00:00.123Z',
  updatedAt: '2026-03-03T10:30:00.000Z',
  resolvedAt: null,
  outcome: null,
  location: { lat: 51.3192, lng: -2.2083 },
  serviceProvider: null,
  dueBy: null,
  publicNotes: [],
  ...overrides,
});

describe('an issue as a GeoReport v2 service request', () => {
  it('maps the fields in the spec order, W3C dates, the board as agency until referred', () => {
    const request = serviceRequestOf(tracked(), areas);
    expect(Object.keys(request)).toEqual([
      'service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible',
      'service_notice', 'requested_datetime', 'updated_datetime', 'expected_datetime', 'lat', 'long', 'media_url',
    ]);
    expect(request).toMatchObject({
      service_request_id: 'TROW-2026-00042',
      status: 'open',
      status_notes: null,
      service_name: 'Roads and pavements',
      agency_responsible: 'Trowbridge Area Board',
      requested_datetime: '2026-03-02T09:00:00Z',
      updated_datetime: '2026-03-03T10:30:00Z',
      expected_datetime: null,
      lat: 51.3192,
      long: -2.2083,
    });
  });

  it.each([
    ['logged', 'open'],
    ['referred', 'open'],
    ['boardReview', 'open'],
    ['roundtable', 'open'],
    ['resolved', 'closed'],
    ['fedBack', 'closed'],
    ['withdrawn', 'closed'],
  ] as const)('status %s is %s', (status, open311) => {
    expect(serviceRequestOf(tracked({ status }), areas).status).toBe(open311);
  });

  it('once referred and assigned, names the provider and the end of the dueBy day in London', () => {
    expect(serviceRequestOf(tracked({ serviceProvider: 'Wiltshire Highways', dueBy: '2026-07-15' }), areas)).toMatchObject({
      agency_responsible: 'Wiltshire Highways',
      expected_datetime: '2026-07-15T23:59:59+01:00',
    });
    expect(endOfLondonDay('2027-01-15')).toBe('2027-01-15T23:59:59+00:00');
  });

  it('leaves lat and long out when the issue has no location', () => {
    expect(serviceRequestOf(tracked({ location: null }), areas)).not.toHaveProperty('lat');
  });

  it('status_notes: the standing outcome, then the public notes newest first', () => {
    const notes = ['Crew booked.', 'Crew on site.'];
    expect(statusNotesOf({ status: 'referred', outcome: null, publicNotes: notes })).toBe('Crew on site.\n\nCrew booked.');
    expect(statusNotesOf({ status: 'fedBack', outcome: 'Resurfaced.', publicNotes: notes })).toBe('Outcome: Resurfaced.\n\nCrew on site.\n\nCrew booked.');
    // A reopened issue's old outcome is no longer its outcome.
    expect(statusNotesOf({ status: 'logged', outcome: 'Resurfaced.', publicNotes: [] })).toBeNull();
  });
});

describe('a public step as a request update', () => {
  const step = (overrides: Partial<TrackedStep>): TrackedStep => ({
    reference: 'TROW-2026-00042', seq: 0, status: 'logged', at: '2026-03-02T09:00:00.000Z', note: null, resolvedAt: null, outcome: null, ...overrides,
  });

  it('says a public note, a change of status in words, and the standing resolution with its outcome', () => {
    expect(requestUpdateOf(step({}))).toEqual({
      update_id: 'TROW-2026-00042-0', service_request_id: 'TROW-2026-00042', status: 'open', updated_datetime: '2026-03-02T09:00:00Z', description: expect.stringContaining('Logged'), media_url: null,
    });
    expect(requestUpdateOf(step({ seq: 3, note: 'Crew on site.' })).description).toBe('Crew on site.');
    const at = '2026-03-05T09:00:00.000Z';
    expect(requestUpdateOf(step({ seq: 4, status: 'resolved', at, resolvedAt: at, outcome: 'Resurfaced.' }))).toMatchObject({ status: 'closed', description: 'Resolved: Resurfaced.' });
    // An earlier resolution, since disputed and redone: its outcome is not the one standing.
    expect(requestUpdateOf(step({ seq: 2, status: 'resolved', at: '2026-03-03T09:00:00.000Z', resolvedAt: at, outcome: 'Resurfaced.' })).description).toBe('Resolved.');
    expect(requestUpdateOf(step({ seq: 5, status: 'logged' })).description).toMatch(/looked at again/);
  });

  it('keeps a request open while the council waits on the resident, saying so without the question', () => {
    expect(serviceRequestOf(tracked({ status: 'awaitingResident' }), areas).status).toBe('open');
    expect(requestUpdateOf(step({ seq: 2, status: 'awaitingResident' }))).toMatchObject({ status: 'open', description: expect.stringMatching(/more information/) });
  });
});

describe('W3C-DTF dates', () => {
  it('reads date-times with an offset or Z, bare dates, and a "+" turned into a space by a query string', () => {
    expect(parseW3cDateTime('2026-03-02T10:00:00+01:00')?.toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect(parseW3cDateTime('2026-03-02T10:00:00 01:00')?.toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect(parseW3cDateTime('2026-03-02T09:00Z')?.toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect(parseW3cDateTime('2026-03-02')?.toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(w3cDateTime('2026-03-02T09:00:00.999Z')).toBe('2026-03-02T09:00:00Z');
  });
  it.each(['yesterday', '2026-02-30', '2026-03-02T25:00:00Z', '2026-03-02T09:00:00', '02/03/2026'])('refuses %s', (text) => {
    expect(parseW3cDateTime(text)).toBeUndefined();
  });
});
