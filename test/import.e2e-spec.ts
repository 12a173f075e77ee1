import { isIssueStream } from '@app/streams';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventStore } from '@app/event-store';
import { importedIssueId } from '../apps/api/src/admin/import/importedIssueId';
import { sampleImportLine } from '../apps/api/src/admin/import/testing/sampleImportLine';
import { EVENT_STORE } from '../apps/api/src/store/tokens';
import { admin, auditor, intake, manager } from './support/issueRequests';
import { envFor, newStoreLocation, removeStoreLocation, startTestApp, type StoreLocation, STORES, useTestApp } from './support/testApp';
import { runCli as cli } from './support/cliProcess';
import { readWholeStore } from './support/wholeStore';

const NDJSON = 'application/x-ndjson';
const jsonl = (lines: unknown[]) => lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n') + '\n';

const good = sampleImportLine();
const withdrawn = sampleImportLine(
  {
    transitions: [
      { command: 'board-review', occurredAt: '2019-05-02T10:00:00Z', meetingDate: '2019-05-20', report: 'Residents ask for a crossing.' },
      { command: 'notes', occurredAt: '2019-05-03T10:00:00Z', text: 'Called the resident.', public: false },
      { command: 'withdraw', occurredAt: '2019-06-01T10:00:00Z', reason: 'Resident moved away.' },
    ],
  },
  { title: 'A crossing near the school', loggedAt: '2019-05-01T08:00:00Z', channel: 'meeting' },
);
const loggedOnly = sampleImportLine({ transitions: [] }, { title: 'Fly-tipping in Calne', areaId: 'calne', category: 'waste', loggedAt: '2019-07-01T12:00:00Z' });

/** Each refused for one reason, all in TROW and 2019, so a number spent on them would show in the references. */
const badLines: Record<string, unknown> = {
  'bad JSON': '{"issue": {"title": "Half a line"',
  'unknown field': sampleImportLine({}, { priority: 'high', title: 'Unknown field' }),
  'illegal order': sampleImportLine({ transitions: [good.transitions[1], good.transitions[0]] }, { title: 'Resolved before referred' }),
  'going backwards': sampleImportLine(
    { transitions: [good.transitions[0], { ...good.transitions[1], occurredAt: '2019-03-05T09:00:00Z' }] },
    { title: 'Resolved before it was referred' },
  ),
  'unknown area': sampleImportLine({}, { areaId: 'atlantis', title: 'Sunken road' }),
  'future date': sampleImportLine({ transitions: [good.transitions[0], { ...good.transitions[1], occurredAt: '2999-01-01T00:00:00Z' }] }, { title: 'Resolved in the future' }),
};

// Line numbers: 1 good, 2 blank, 3-8 the bad lines in order, 9 withdrawn, 10 logged only.
const file = jsonl([good, '', ...Object.values(badLines), withdrawn, loggedOnly]);

const allEvents = (store: EventStore) => readWholeStore(store);

describe.each(STORES)('POST /admin/import on %s', (kind) => {
  const api = useTestApp(kind);
  const post = (body: string, auth = admin, type = NDJSON) => api.http.post('/admin/import').set('Authorization', auth).set('Content-Type', type).send(body);

  it('imports the good lines with their dates, and reports each bad line by number with what is wrong', async () => {
    const { body } = await post(file).expect(200);
    expect(body).toMatchObject({ imported: 3, skipped: 0 });
    expect(body.rejected.map((rejected: { line: number }) => rejected.line)).toEqual([3, 4, 5, 6, 7, 8]);
    const [badJson, unknownField, illegal, backwards, unknownArea, future] = body.rejected.map((rejected: { message: string }) => rejected.message);
    expect(badJson).toMatch(/^not valid JSON/);
    expect(unknownField).toContain('issue.property priority should not exist');
    expect(illegal).toMatch(/transitions\[0\] \(resolve\): resolve is not allowed while the issue is logged/);
    expect(backwards).toMatch(/transitions\[1\] \(resolve\): occurredAt must not be before the issue's previous event/);
    expect(unknownArea).toMatch(/issue\.areaId must be one of the areas of GET \/areas, got atlantis/);
    expect(future).toMatch(/transitions\[1\] \(resolve\): occurredAt must not be in the future/);
    expect(body.issues.map((issue: { line: number; reference: string }) => [issue.line, issue.reference])).toEqual([
      [1, 'TROW-2019-00001'],
      [9, 'TROW-2019-00002'],
      [10, 'CALN-2019-00001'],
    ]);

    const read = (id: string) => api.http.get(`/issues/${id}`).set('Authorization', auditor).expect(200);
    const fedBack = (await read(body.issues[0].id)).body;
    expect(fedBack).toMatchObject({
      id: importedIssueId(good),
      reference: 'TROW-2019-00001',
      status: 'fedBack',
      version: 4,
      channel: 'letter',
      serviceProvider: 'Street Lighting Ltd',
      outcome: 'Lamp replaced.',
      loggedAt: '2019-03-04T09:30:00.000Z',
      resolvedAt: '2019-03-20T16:00:00.000Z',
      fedBackAt: '2019-03-21T09:00:00.000Z',
      updatedAt: '2019-03-21T09:00:00.000Z',
    });
    expect((await read('TROW-2019-00002')).body).toMatchObject({ status: 'withdrawn', version: 4, loggedAt: '2019-05-01T08:00:00.000Z', updatedAt: '2019-06-01T10:00:00.000Z' });
    expect((await read(body.issues[2].id)).body).toMatchObject({ status: 'logged', version: 1, areaId: 'calne', loggedAt: '2019-07-01T12:00:00.000Z' });
  });

  it('stores nothing of a refused line and spends no reference on it: the next intake that year gets the next number', async () => {
    const store = api.app.get<EventStore>(EVENT_STORE);
    // Issue streams only: the store also holds the service-level policy adopted at start-up.
    const events = (await allEvents(store)).filter((event) => isIssueStream(event.streamId));
    const imported = [good, withdrawn, loggedOnly].map((line) => `issue-${importedIssueId(line)}`).sort();
    expect([...new Set(events.map((event) => event.streamId))].sort()).toEqual(imported);
    expect(events).toHaveLength(4 + 4 + 1);
    // Stored as intake stores it: the resident's details sealed, never in plain text.
    expect(JSON.stringify(events.map((event) => event.data))).not.toMatch(/Grace Resident|grace@example\.org/);
    for (const line of Object.values(badLines).filter((line) => typeof line === 'object')) {
      await api.http.get(`/issues/${importedIssueId(line as object)}`).set('Authorization', admin).expect(404);
    }
    // Admin may log an issue years back: it is the third of TROW in 2019, as if no line had been refused.
    const { body } = await api.http.post('/issues').set('Authorization', admin).send(intake({ occurredAt: '2019-08-01T10:00:00Z', channel: 'phone' })).expect(201);
    expect(body.reference).toBe('TROW-2019-00003');
  });

  it('imports nothing the second time the same file comes, whatever its white space and key order', async () => {
    const reformatted = jsonl([JSON.stringify(good, null, 0), '', ...Object.values(badLines), { transitions: withdrawn.transitions, issue: withdrawn.issue }, loggedOnly]);
    const { body } = await post(reformatted).expect(200);
    expect(body).toMatchObject({ imported: 0, skipped: 3, issues: [] });
    expect(body.rejected.map((rejected: { line: number }) => rejected.line)).toEqual([3, 4, 5, 6, 7, 8]);
    // The first import's 9 events and the later intake's, beside the policy adopted at start-up.
    expect(await allEvents(api.app.get<EventStore>(EVENT_STORE))).toHaveLength(1 + 9 + 1);
  });

  it('lets only admin import: other staff get 403, anonymous callers 401, and nothing is stored', async () => {
    const other = jsonl([sampleImportLine({}, { title: 'Not for managers' })]);
    await post(other, manager).expect(403);
    await post(other, auditor).expect(403);
    await api.http.post('/admin/import').set('Content-Type', NDJSON).send(other).expect(401);
    expect(await allEvents(api.app.get<EventStore>(EVENT_STORE))).toHaveLength(1 + 9 + 1);
  });

  it('answers 415 to a body that is not JSON Lines in UTF-8', async () => {
    const { body } = await post(JSON.stringify(good), admin, 'application/json').expect(415);
    expect(body).toMatchObject({ statusCode: 415, error: 'Unsupported Media Type', message: expect.stringContaining(NDJSON) });
    await post(jsonl([good]), admin, 'text/plain').expect(415);
    await post(jsonl([good]), admin, `${NDJSON}; charset=latin1`).expect(415);
    await post(jsonl([good]), admin, `${NDJSON}; charset=utf-8`).expect(200);
  });
});

describe.each(STORES)('the import body limit on %s', (kind) => {
  const api = useTestApp(kind, { IMPORT_BODY_LIMIT: '200kb' });
  // About 5.5 kB a line: 30 lines pass the general JSON limit (100 kB) and fit in the import's.
  const line = (index: number) => sampleImportLine({}, { title: `Long-standing flooding, case ${index}`, description: 'Water on the road. '.repeat(260), loggedAt: '2018-01-02T09:00:00Z' });
  const lines = (count: number) => jsonl(Array.from({ length: count }, (_, index) => line(index)));

  it('takes a file larger than the general JSON limit, up to IMPORT_BODY_LIMIT', async () => {
    const body = lines(30);
    expect(Buffer.byteLength(body)).toBeGreaterThan(100 * 1024);
    const { body: summary } = await api.http.post('/admin/import').set('Authorization', admin).set('Content-Type', NDJSON).send(body).expect(200);
    expect(summary).toMatchObject({ imported: 30, rejected: [] });
  });

  it('answers 413 with a JSON error beyond it, storing nothing', async () => {
    const before = await allEvents(api.app.get<EventStore>(EVENT_STORE));
    const { body } = await api.http.post('/admin/import').set('Authorization', admin).set('Content-Type', NDJSON).send(lines(40)).expect(413);
    expect(body).toMatchObject({ statusCode: 413, error: 'Payload Too Large', message: expect.stringContaining('IMPORT_BODY_LIMIT') });
    expect(await allEvents(api.app.get<EventStore>(EVENT_STORE))).toHaveLength(before.length);
  });

  it('answers 413 to a streamed body without a Content-Length once it passes the limit', async () => {
    const server = api.app.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const outgoing = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/admin/import', headers: { authorization: admin, 'content-type': NDJSON, 'transfer-encoding': 'chunked' } }, (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      outgoing.on('error', reject);
      const chunk = lines(10);
      for (let sent = 0; sent < 5; sent++) outgoing.write(chunk);
      outgoing.end();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
  });
});



describe.each(STORES)('npm run cli -- import on %s', (kind) => {
  let location: StoreLocation;
  beforeAll(() => {
    location = newStoreLocation(kind);
  });
  afterAll(() => removeStoreLocation(location));

  it('imports through the same service, prints the summary JSON, exits 1 with rejected lines and 0 without', async () => {
    const mixed = join(location.dataDir, 'mixed.jsonl');
    writeFileSync(mixed, file);
    const first = await cli(['import', mixed], envFor(location));
    expect(first.stderr).toBe('');
    expect(first.code).toBe(1);
    const summary = JSON.parse(first.stdout);
    expect(summary).toMatchObject({ imported: 3, skipped: 0 });
    expect(summary.rejected.map((rejected: { line: number }) => rejected.line)).toEqual([3, 4, 5, 6, 7, 8]);

    const clean = join(location.dataDir, 'clean.jsonl');
    writeFileSync(clean, jsonl([good, withdrawn, sampleImportLine({}, { title: 'One more street light' })]));
    const second = await cli(['import', clean], envFor(location));
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ imported: 1, skipped: 2, rejected: [], issues: [{ line: 3, reference: 'TROW-2019-00003' }] });

    const app = await startTestApp(location);
    try {
      const { body } = await app.http.get(`/issues/TROW-2019-00003`).set('Authorization', admin).expect(200);
      expect(body).toMatchObject({ title: 'One more street light', status: 'fedBack', loggedAt: '2019-03-04T09:30:00.000Z' });
    } finally {
      await app.close();
    }
  }, 60_000);

  it('exits 2 for a missing or unreadable file argument', async () => {
    const [none, missing] = await Promise.all([cli(['import'], envFor(location)), cli(['import', join(location.dataDir, 'nope.jsonl')], envFor(location))]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/name one JSON Lines file/);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.jsonl/);
  }, 60_000);
});
