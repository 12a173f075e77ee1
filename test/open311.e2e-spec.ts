import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Response } from 'supertest';
import type { EventStoreAdapter } from '@app/event-store';
import { streamIdOf } from '@app/streams';
import { EVENT_STORE } from '../apps/api/src/store/tokens';
import { eventually } from './support/eventually';
import { admin, advance, auditor, raise } from './support/issueRequests';
import { newStoreLocation, removeStoreLocation, startTestApp, STORES, useTestApp } from './support/testApp';

const KEY = 'fms-test-key-0123456789';
const keysDir = mkdtempSync(join(tmpdir(), 'open311-keys-'));
const KEYS_FILE = join(keysDir, 'keys.json');
writeFileSync(KEYS_FILE, JSON.stringify([{ key: KEY, client: 'FixMyStreet test' }]));

/** Lists are arrays whatever their length, and values stay text: element names and contents are checked as sent. */
const xml = new XMLParser({ parseTagValue: false, isArray: (name) => ['service', 'request', 'request_update', 'error', 'attribute', 'value'].includes(name) });
const parseXml = (response: Response) => {
  expect(response.headers['content-type']).toMatch(/^text\/xml; charset=utf-8/);
  expect(response.text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  return xml.parse(response.text);
};

const SERVICE_FIELDS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'];
const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'lat',
  'long',
  'media_url',
];
const UPDATE_FIELDS = ['update_id', 'service_request_id', 'status', 'updated_datetime', 'description', 'media_url'];
const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;

/** Castle Street, Trowbridge: inside the bundled Trowbridge boundary. */
const IN_TROWBRIDGE = { lat: '51.3192', long: '-2.2083' };
const RESIDENT = { first_name: 'Ada', last_name: 'Lovelace-Resident', email: 'ada.open311@example.org', phone: '01225 111222' };
const post = (fields: Record<string, string>) => ({
  api_key: KEY,
  jurisdiction_id: 'wiltshire',
  service_code: 'highways',
  ...IN_TROWBRIDGE,
  description: 'Pothole by the bus stop on Castle Street\n\nIt is deep and growing.',
  ...RESIDENT,
  ...fields,
});

describe.each(STORES)('Open311 GeoReport v2 conformance, on %s', (kind) => {
  const api = useTestApp(kind, { OPEN311_KEYS_FILE: KEYS_FILE });
  const create = (format: 'json' | 'xml', fields: Record<string, string> = {}) => api.http.post(`/open311/v2/requests.${format}`).type('form').send(post(fields));
  const expectErrors = (response: Response, status: number, format: 'json' | 'xml', mentioning: RegExp) => {
    expect(response.status).toBe(status);
    const errors = format === 'json' ? response.body : parseXml(response).errors.error;
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(Object.keys(error)).toEqual(['code', 'description']);
    expect(errors.map((error: { code: number | string }) => String(error.code))).toContain(String(status));
    expect(errors.map((error: { description: string }) => error.description).join(' ')).toMatch(mentioning);
  };

  it('lists every category as a service, in JSON and in XML', async () => {
    const json = await api.http.get('/open311/v2/services.json?jurisdiction_id=wiltshire').expect(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    const categories = (await api.http.get('/categories').expect(200)).body as string[];
    expect(json.body.map((service: { service_code: string }) => service.service_code)).toEqual(categories);
    expect(json.body[0]).toEqual({
      service_code: 'highways',
      service_name: 'Roads and pavements',
      description: expect.any(String),
      metadata: true,
      type: 'realtime',
      keywords: expect.stringContaining('pothole'),
      group: 'Streets and transport',
    });
    const doc = parseXml(await api.http.get('/open311/v2/services.xml').expect(200));
    expect(doc.services.service).toHaveLength(categories.length);
    for (const service of doc.services.service) expect(Object.keys(service)).toEqual(SERVICE_FIELDS);
    expect(doc.services.service[0]).toMatchObject({ service_code: 'highways', metadata: 'true', type: 'realtime' });
  });

  it('defines each service: its one optional attribute, the area board, valued by the areas', async () => {
    const json = await api.http.get('/open311/v2/services/waste.json').expect(200);
    expect(json.body).toMatchObject({ service_code: 'waste', attributes: [{ code: 'area', variable: true, required: false, datatype: 'singlevaluelist', order: 1 }] });
    expect(json.body.attributes[0].values).toContainEqual({ key: 'trowbridge', name: 'Trowbridge Area Board' });
    const doc = parseXml(await api.http.get('/open311/v2/services/waste.xml').expect(200));
    const [attribute] = doc.service_definition.attributes.attribute;
    expect(Object.keys(attribute)).toEqual(['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description', 'values']);
    expect(attribute.values.value).toHaveLength(18);
    expect(Object.keys(attribute.values.value[0])).toEqual(['key', 'name']);
  });

  it.each(['json', 'xml'] as const)('answers an unknown service, request or token with the spec error 404 (%s)', async (format) => {
    expectErrors(await api.http.get(`/open311/v2/services/potholes.${format}`), 404, format, /potholes/);
    expectErrors(await api.http.get(`/open311/v2/requests/TROW-2020-99999.${format}`), 404, format, /TROW-2020-99999/);
    expectErrors(await api.http.get(`/open311/v2/requests/not-a-reference.${format}`), 404, format, /not-a-reference/);
    expectErrors(await api.http.get(`/open311/v2/tokens/abc.${format}`), 404, format, /abc/);
    expectErrors(await create(format, { service_code: 'potholes' }), 404, format, /potholes/);
  });

  it('answers an extension other than .json or .xml, or a path naming no resource, with the spec error 404', async () => {
    expectErrors(await api.http.get('/open311/v2/services.csv'), 404, 'json', /\.json or \.xml/);
    expectErrors(await api.http.get('/open311/v2/discovery.xml'), 404, 'xml', /no GeoReport v2 resource/);
    expectErrors(await api.http.delete('/open311/v2/requests.json'), 404, 'json', /no GeoReport v2 resource/);
  });

  it.each(['json', 'xml'] as const)('refuses posting without a valid api_key with 403, recording nothing (%s)', async (format) => {
    const before = (await api.http.get('/issues').set('Authorization', admin).expect(200)).body.total;
    const { api_key: _, ...keyless } = post({});
    expectErrors(await api.http.post(`/open311/v2/requests.${format}`).type('form').send(keyless), 403, format, /api_key is required/);
    expectErrors(await create(format, { api_key: 'wrong-key-0123456789' }), 403, format, /api_key is not valid/);
    expect((await api.http.get('/issues').set('Authorization', admin).expect(200)).body.total).toBe(before);
  });

  it.each(['json', 'xml'] as const)('refuses bad requests with the spec error 400, naming the field (%s)', async (format) => {
    const { service_code: _, ...codeless } = post({});
    expectErrors(await api.http.post(`/open311/v2/requests.${format}`).type('form').send(codeless), 400, format, /service_code is required/);
    expectErrors(await create(format, { lat: '51.5074', long: '-0.1278' }), 400, format, /no area board serves this location/);
    expectErrors(await create(format, { lat: '', long: '', address_string: 'BA14 8AA' }), 400, format, /area cannot be found/);
    expectErrors(await create(format, { lat: '91' }), 400, format, /lat must be decimal degrees/);
    expectErrors(await create(format, { long: '' }), 400, format, /lat and long must be given together/);
    expectErrors(await create(format, { email: 'not-an-email' }), 400, format, /email must be an email/);
    expectErrors(await create(format, { 'attribute[area]': 'atlantis' }), 400, format, /atlantis/);
    expectErrors(await create(format, { description: 'nul \u0000 inside' }), 400, format, /NUL/);
    // A form cannot carry a lone surrogate (its UTF-8 bytes arrive as U+FFFD); a JSON body can.
    const json = JSON.stringify(post({ description: 'lone \ud800 surrogate' }));
    expectErrors(await api.http.post(`/open311/v2/requests.${format}`).set('Content-Type', 'application/json').send(json), 400, format, /surrogate/);
    expectErrors(await api.http.get(`/open311/v2/requests.${format}?start_date=yesterday`), 400, format, /start_date must be a W3C date-time/);
    expectErrors(await api.http.get(`/open311/v2/requests.${format}?start_date=2026-03-02T00:00:00Z&end_date=2026-01-01T00:00:00Z`), 400, format, /not be after/);
    expectErrors(await api.http.get(`/open311/v2/requests.${format}?start_date=2025-01-01T00:00:00Z&end_date=2026-01-01T00:00:00Z`), 400, format, /at most 90 days/);
    expectErrors(await api.http.get(`/open311/v2/requests.${format}?status=pending`), 400, format, /status must be open or closed/);
    expectErrors(await api.http.get(`/open311/v2/servicerequestupdates.${format}?end_date=2026-02-30T00:00:00Z`), 400, format, /end_date/);
  });

  it('posts form-encoded: the area from the location, the reference as service_request_id, the client in the metadata', async () => {
    const json = await create('json').expect(201);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(json.body).toEqual([{ service_request_id: expect.stringMatching(/^TROW-\d{4}-\d{5}$/), service_notice: expect.any(String), account_id: null }]);
    const reference = json.body[0].service_request_id as string;

    const issue = (await api.http.get(`/issues/${reference}`).set('Authorization', admin).expect(200)).body;
    expect(issue).toMatchObject({
      reference,
      areaId: 'trowbridge',
      category: 'highways',
      channel: 'online',
      title: 'Pothole by the bus stop on Castle Street',
      description: 'Pothole by the bus stop on Castle Street\n\nIt is deep and growing.',
      location: { lat: 51.3192, lng: -2.2083 },
      raisedBy: { name: 'Ada Lovelace-Resident', email: RESIDENT.email, phone: RESIDENT.phone },
    });
    const store = api.app.get<EventStoreAdapter>(EVENT_STORE);
    const [logged] = await store.readStream(streamIdOf(issue.id));
    expect(logged.metadata).toMatchObject({ actor: { id: 'anonymous', role: 'resident' }, via: { open311Client: 'FixMyStreet test' } });
    // Personal data is sealed in the event as for any intake: none of it in plain text.
    expect(JSON.stringify(logged.data)).not.toContain(RESIDENT.email);

    const doc = parseXml(await create('xml', { 'attribute[area]': 'calne', lat: '', long: '', address_string: 'Market Hill, Calne' }).expect(201));
    expect(Object.keys(doc.service_requests.request[0])).toEqual(['service_request_id', 'service_notice', 'account_id']);
    expect(doc.service_requests.request[0].service_request_id).toMatch(/^CALN-\d{4}-\d{5}$/);
  });

  it('a replayed Idempotency-Key answers the same service_request_id and logs nothing more', async () => {
    const first = await create('json', { description: 'Idempotent pothole report' }).set('Idempotency-Key', 'open311-retry-1').expect(201);
    const again = await create('json', { description: 'Idempotent pothole report' }).set('Idempotency-Key', 'open311-retry-1').expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
  });

  it('reads requests by id, by list, by window and filters, with no personal data, in JSON and XML', async () => {
    const [{ service_request_id: reference }] = (await create('json', { description: 'Broken kerb outside the library' }).expect(201)).body;
    const other = await raise(api.http, { category: 'waste', title: 'Overflowing bin by the park' });
    const resolved = await advance(api.http, other, ['refer', 'resolve']);

    // Two read models answer (the public tracker, and the issues' coordinates): both within a second.
    await eventually(async () => {
      const one = (await api.http.get(`/open311/v2/requests/${reference}.json?jurisdiction_id=wiltshire&api_key=${KEY}`).expect(200)).body;
      expect(one).toEqual([
        {
          service_request_id: reference,
          status: 'open',
          status_notes: null,
          service_name: 'Roads and pavements',
          service_code: 'highways',
          description: 'Broken kerb outside the library',
          agency_responsible: 'Trowbridge Area Board',
          service_notice: null,
          requested_datetime: expect.stringMatching(W3C),
          updated_datetime: expect.stringMatching(W3C),
          expected_datetime: null,
          lat: 51.3192,
          long: -2.2083,
          media_url: null,
        },
      ]);
    }, 2_000);
    const doc = parseXml(await api.http.get(`/open311/v2/requests/${reference}.xml`).expect(200));
    expect(Object.keys(doc.service_requests.request[0])).toEqual(REQUEST_FIELDS);

    const listed = await eventually(async () => {
      const body = (await api.http.get(`/open311/v2/requests.json?service_request_id=${reference},${resolved.reference},NOPE-2026-00001`).expect(200)).body;
      expect(body.map((request: { service_request_id: string }) => request.service_request_id).sort()).toEqual([reference, resolved.reference].sort());
      const closed = body.find((request: { service_request_id: string }) => request.service_request_id === resolved.reference);
      expect(closed).toMatchObject({ status: 'closed', agency_responsible: 'Wiltshire Highways', status_notes: 'Outcome: Resurfaced on 12 December.' });
      return body;
    }, 2_000);
    expect(listed).toHaveLength(2);

    const window = (await api.http.get('/open311/v2/requests.json?status=closed&service_code=waste').expect(200)).body;
    expect(window.map((request: { service_request_id: string }) => request.service_request_id)).toEqual([resolved.reference]);
    const open = (await api.http.get('/open311/v2/requests.xml?status=open').expect(200));
    const openIds = parseXml(open).service_requests.request.map((request: { service_request_id: string }) => request.service_request_id);
    expect(openIds).toContain(reference);
    expect(openIds).not.toContain(resolved.reference);

    const everything = (await api.http.get('/open311/v2/requests.json').expect(200)).text + (await api.http.get('/open311/v2/requests.xml').expect(200)).text;
    for (const secret of [RESIDENT.email, RESIDENT.phone, 'Lovelace', 'Ada Resident', 'ada@example.org', '12 Castle Street', 'number 12']) expect(everything).not.toContain(secret);
  });

  it('answers a token (the reference itself, services being realtime) with its service_request_id', async () => {
    const [{ service_request_id: reference }] = (await create('json').expect(201)).body;
    await eventually(async () => expect((await api.http.get(`/open311/v2/tokens/${reference}.json`).expect(200)).body).toEqual([{ service_request_id: reference, token: reference }]), 2_000);
    const doc = parseXml(await api.http.get(`/open311/v2/tokens/${reference}.xml`).expect(200));
    expect(doc.service_requests.request).toEqual([{ service_request_id: reference, token: reference }]);
  });

  it('lists each public step as a request update, in the window asked for', async () => {
    const since = new Date(Date.now() - 1_000).toISOString();
    const issue = await raise(api.http, { title: 'Street light out on Wicker Hill' });
    await advance(api.http, issue, ['board-review', 'resolve']);
    const until = new Date(Date.now() + 1_000).toISOString();
    const updates = await eventually(async () => {
      const body = (await api.http.get(`/open311/v2/servicerequestupdates.json?start_date=${since}&end_date=${until}&api_key=${KEY}`).expect(200)).body;
      const mine = body.filter((update: { service_request_id: string }) => update.service_request_id === issue.reference);
      expect(mine).toHaveLength(3);
      return mine;
    }, 2_000);
    expect(updates.map((update: { status: string }) => update.status)).toEqual(['open', 'open', 'closed']);
    expect(updates[0]).toEqual({ update_id: `${issue.reference}-0`, service_request_id: issue.reference, status: 'open', updated_datetime: expect.stringMatching(W3C), description: expect.stringContaining('Logged'), media_url: null });
    expect(updates[2].description).toBe('Resolved: Resurfaced on 12 December.');
    const doc = parseXml(await api.http.get(`/open311/v2/servicerequestupdates.xml?start_date=${since}&end_date=${until}`).expect(200));
    for (const update of doc.service_request_updates.request_update) expect(Object.keys(update)).toEqual(UPDATE_FIELDS);
    const earlier = (await api.http.get('/open311/v2/servicerequestupdates.json?start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00Z').expect(200)).body;
    expect(earlier).toEqual([]);
    // The auditor's own view still names the Open311 client nowhere public.
    expect((await api.http.get(`/issues/${issue.id}/history`).set('Authorization', auditor).expect(200)).body.events).toHaveLength(3);
  });
});

describe('Open311 posting without OPEN311_KEYS_FILE', () => {
  const api = useTestApp('sqlite');

  it.each(['json', 'xml'] as const)('is refused with 403, while reads still answer (%s)', async (format) => {
    const response = await api.http.post(`/open311/v2/requests.${format}`).type('form').send(post({}));
    expect(response.status).toBe(403);
    const errors = format === 'json' ? response.body : parseXml(response).errors.error;
    expect(errors[0].description).toMatch(/no API keys are configured/);
    await api.http.get(`/open311/v2/services.${format}`).expect(200);
  });
});

describe('OPEN311_KEYS_FILE', () => {
  it('refuses to start on a file with a short key, naming the problem', async () => {
    const file = join(keysDir, 'bad.json');
    writeFileSync(file, JSON.stringify([{ key: 'short', client: 'x' }]));
    const location = newStoreLocation('sqlite');
    await expect(startTestApp(location, { OPEN311_KEYS_FILE: file })).rejects.toThrow('[0].key must be at least 16 visible ASCII characters');
    await removeStoreLocation(location);
  });
});
