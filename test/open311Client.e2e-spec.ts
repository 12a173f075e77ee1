import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { eventually } from './support/eventually';
import { admin, command, type IssueBody } from './support/issueRequests';
import { STORES, useTestApp } from './support/testApp';

const API_KEY = 'council-open311-key-2026';
const keysDir = mkdtempSync(join(tmpdir(), 'open311-client-'));
const KEYS_FILE = join(keysDir, 'keys.json');
writeFileSync(KEYS_FILE, JSON.stringify([{ key: API_KEY, client: 'FixMyStreet' }]));

/**
 * Parses as FixMyStreet's Open311.pm does (XML::Simple with ForceArray on these element names):
 * a client that reads by element names, as the element names are sent.
 */
const xml = new XMLParser({ parseTagValue: false, isArray: (name) => ['service', 'attribute', 'value', 'request', 'error', 'request_update'].includes(name) });

/**
 * Plays a reporting app as FixMyStreet talks to a council back end: XML throughout,
 * jurisdiction_id on every call, api_key on the POST, a form-encoded body with its extended
 * description, attribute[...] extras of its own and a W3C-DTF update window.
 */
describe.each(STORES)('an Open311 client (as FixMyStreet) files and follows an issue, on %s', (kind) => {
  const api = useTestApp(kind, { OPEN311_KEYS_FILE: KEYS_FILE });
  const endpoint = '/open311/v2/';
  const get = (path: string, query: Record<string, string> = {}) => api.http.get(`${endpoint}${path}`).query({ jurisdiction_id: 'wiltshire.gov.uk', ...query });

  it('discovers services, posts a report, and polls it until closed with the outcome', async () => {
    const services = xml.parse((await get('services.xml').expect(200)).text).services.service;
    const highways = services.find((service: { service_name: string }) => service.service_name === 'Roads and pavements');
    expect(highways).toMatchObject({ service_code: 'highways', metadata: 'true', type: 'realtime' });
    const definition = xml.parse((await get(`services/${highways.service_code}.xml`).expect(200)).text).service_definition;
    expect(definition.attributes.attribute.map((attribute: { code: string }) => attribute.code)).toEqual(['area']);

    const posted = await api.http
      .post(`${endpoint}requests.xml`)
      .type('form')
      .send({
        jurisdiction_id: 'wiltshire.gov.uk',
        api_key: API_KEY,
        service_code: highways.service_code,
        lat: '51.31920',
        long: '-2.20830',
        description: 'title: Pothole on Castle Street\n\ndetail: Deep pothole by the bus stop.\n\nurl: https://www.fixmystreet.com/report/123\n\nSubmitted via FixMyStreet\n',
        first_name: 'Grace',
        last_name: 'Hopper-Resident',
        email: 'grace.fms@example.org',
        'attribute[fixmystreet_id]': '123',
        'attribute[easting]': '385600',
        'attribute[northing]': '158300',
        media_url: 'https://www.fixmystreet.com/photo/123.full.jpeg',
      })
      .expect(201);
    const [answer] = xml.parse(posted.text).service_requests.request;
    const reference = answer.service_request_id as string;
    expect(reference).toMatch(/^TROW-\d{4}-\d{5}$/);

    const poll = async (expected: { status: string; notes?: RegExp }) =>
      eventually(async () => {
        const [request] = xml.parse((await get(`requests/${reference}.xml`).expect(200)).text).service_requests.request;
        expect(request).toMatchObject({ status: expected.status, lat: '51.3192', long: '-2.2083' });
        if (expected.notes) expect(request.status_notes).toMatch(expected.notes);
        return request;
      }, 3_000);

    const logged = await poll({ status: 'open' });
    expect(logged).toMatchObject({ service_code: 'highways', description: 'Pothole on Castle Street' });

    // Staff take it from here, through the ordinary commands.
    let issue = (await api.http.get(`/issues/${reference}`).set('Authorization', admin).expect(200)).body as IssueBody;
    expect(issue.description).toContain('Photo: https://www.fixmystreet.com/photo/123.full.jpeg');
    issue = (await command(api.http, issue, 'notes', { text: 'The area board will look at this in December.', public: true }).expect(200)).body;
    issue = (await command(api.http, issue, 'board-review').expect(200)).body;
    const reviewed = await poll({ status: 'open', notes: /The area board will look at this in December\./ });
    expect(reviewed.status_notes).not.toMatch(/Outcome/);
    issue = (await command(api.http, issue, 'resolve', { outcome: 'Castle Street resurfaced on 12 December.' }).expect(200)).body;

    const closed = await poll({ status: 'closed', notes: /^Outcome: Castle Street resurfaced on 12 December\./ });
    expect(closed.updated_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);

    // The updates FixMyStreet fetches to show progress on the report.
    const start = new Date(Date.now() - 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const end = new Date(Date.now() + 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const updates = xml
      .parse((await get('servicerequestupdates.xml', { api_key: API_KEY, start_date: start, end_date: end }).expect(200)).text)
      .service_request_updates.request_update.filter((update: { service_request_id: string }) => update.service_request_id === reference);
    expect(updates.map((update: { status: string }) => update.status)).toEqual(['open', 'open', 'open', 'closed']);
    expect(updates.at(-1).description).toBe('Resolved: Castle Street resurfaced on 12 December.');

    // What the client can read back never holds the resident's details.
    const everything = JSON.stringify([closed, updates]) + (await get('requests.xml').expect(200)).text;
    for (const secret of ['Grace', 'Hopper', 'grace.fms@example.org']) expect(everything).not.toContain(secret);
  });
});
