import type { EventStore, GlobalEvent } from '@app/event-store';
import { EVENT_STORE } from '../apps/api/src/store/tokens';
import { csvRecords } from './support/csvRows';
import { admin, advance, AREA, auditor, manager, raise } from './support/issueRequests';
import { bearer, envFor, newStoreLocation, removeStoreLocation, startTestApp, STORES, type TestApp } from './support/testApp';
import { runCli as cli } from './support/cliProcess';
import { readWholeStore } from './support/wholeStore';



const allEvents = (store: EventStore) => readWholeStore(store, 100);

/**
 * The event data but the resident's personal data: the store holds it sealed and the export
 * shows it revealed (the personal-data capability), so only the rest compares one to one.
 */
const withoutPersonal = (data: unknown) => {
  const { personal: _personal, ...rest } = data as Record<string, unknown>;
  return rest;
};

const jsonLines = (text: string) => text.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line));

describe.each(STORES)('the audit export and the CLI’s replay and export, on %s', (kind) => {
  const location = newStoreLocation(kind);
  let api: TestApp;
  let stored: GlobalEvent[];
  let reference: string;

  beforeAll(async () => {
    api = await startTestApp(location);
    const first = await raise(api.http, { description: 'Line one,\nline "two"' });
    reference = first.reference;
    await advance(api.http, first, ['refer', 'assign', 'resolve']);
    const { body: menu } = await api.http.get('/scorecards/indicators').expect(200);
    await api.http
      .put(`/areas/${AREA}/scorecard`)
      .set('Authorization', manager)
      .send({ indicators: menu.slice(0, 10).map((indicator: { id: string }) => indicator.id), chosenAt: '2026-01-15' })
      .expect(200);
    await advance(api.http, await raise(api.http), ['board-review']);
    stored = await allEvents(api.app.get<EventStore>(EVENT_STORE));
  });
  afterAll(async () => {
    await api?.close();
    await removeStoreLocation(location);
  });

  it('JSON Lines: every event in the store’s global order, each a history event with its issueId (null and a streamId for area events)', async () => {
    const response = await api.http.get('/audit/export').set('Authorization', auditor).expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = jsonLines(response.text);
    expect(lines.map((line) => line.globalPosition)).toEqual(stored.map((event) => event.globalPosition));
    // The first event is the service-level policy's adoption at start-up; the first issue's follows.
    expect(lines[0]).toMatchObject({ issueId: null, streamId: 'service-levels', type: 'ServiceLevelPolicyAdopted', actor: { id: 'system', role: 'system' } });
    const first = stored.findIndex((event) => event.type === 'IssueLogged');
    const logged = lines[first];
    expect(logged).toEqual({
      issueId: stored[first].streamId.replace(/^issue-/, ''),
      streamId: stored[first].streamId,
      version: 1,
      globalPosition: stored[first].globalPosition,
      type: 'IssueLogged',
      occurredAt: expect.any(String),
      recordedAt: stored[first].recordedAt,
      actor: { id: 'anonymous', role: 'resident' },
      data: expect.any(Object),
      correlationId: expect.any(String),
      causationId: expect.any(String),
      hash: stored[first].hash,
      prevHash: null,
    });
    expect(withoutPersonal(logged.data)).toEqual(withoutPersonal(stored[first].data));
    // Stored sealed, exported revealed.
    expect(JSON.stringify(stored[first].data)).not.toContain('Ada Resident');
    expect((logged.data as { personal: unknown }).personal).toMatchObject({ raisedBy: { name: 'Ada Resident', email: 'ada@example.org' } });
    expect(lines.map((line) => line.data)).toEqual(stored.map((event) => (event.type === 'IssueLogged' ? expect.any(Object) : event.data)));
    const area = lines.filter((line) => line.streamId === `area-${AREA}`);
    expect(area.map((line) => line.type)).toEqual(['ScorecardChosen']);
    expect(area[0]).toMatchObject({ issueId: null, actor: { role: 'areaManager' } });
    expect(new Set(lines.map((line) => line.issueId)).size).toBe(3);
  });

  it('CSV: a header row and one properly quoted row per event, data as its JSON', async () => {
    const response = await api.http.get('/audit/export?format=csv').set('Authorization', admin).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.text.split('\r\n')[0]).toMatch(/^issueId,streamId,version,globalPosition,type,occurredAt,recordedAt,.*hash/);
    const rows = csvRecords(response.text);
    expect(rows.map((row) => Number(row.globalPosition))).toEqual(stored.map((event) => event.globalPosition));
    expect(rows.map((row) => [row.type, row.hash, row.recordedAt, row.version])).toEqual(stored.map((event) => [event.type, event.hash, event.recordedAt, String(event.version)]));
    // The description's comma, quotes and line break survive the quoting.
    const { body: history } = await api.http.get(`/issues/${reference}/history`).set('Authorization', auditor).expect(200);
    const logged = rows.find((row) => row.type === 'IssueLogged')!;
    expect(JSON.parse(logged.data)).toEqual(history.events[0].data);
    expect(JSON.parse(logged.data).description).toBe('Line one,\nline "two"');
    expect(rows.find((row) => row.type === 'ScorecardChosen')).toMatchObject({ issueId: '', streamId: `area-${AREA}` });
  });

  it('from and to select by recordedAt, from inclusive, to exclusive', async () => {
    const pivot = stored[3].recordedAt;
    const later = await api.http.get('/audit/export').query({ from: pivot }).set('Authorization', auditor).expect(200);
    const earlier = await api.http.get('/audit/export').query({ to: pivot }).set('Authorization', auditor).expect(200);
    const positions = (text: string) => jsonLines(text).map((line) => line.globalPosition);
    const at = Date.parse(pivot);
    expect(positions(later.text)).toEqual(stored.filter((event) => Date.parse(event.recordedAt) >= at).map((event) => event.globalPosition));
    expect(positions(earlier.text)).toEqual(stored.filter((event) => Date.parse(event.recordedAt) < at).map((event) => event.globalPosition));
    expect(positions(later.text)).toContain(stored[3].globalPosition);
    const none = await api.http.get('/audit/export').query({ from: '2000-01-01', to: '2000-01-02', format: 'csv' }).set('Authorization', auditor).expect(200);
    expect(none.text.split('\r\n').filter(Boolean)).toHaveLength(1);
  });

  it('is 400 for a bad from, to or format, or an unknown parameter; only auditors and admins export', async () => {
    for (const query of ['from=yesterday', 'to=2026-02-30', 'from=2026-03-02&to=2026-03-01', 'format=xml', 'limit=5']) {
      const response = await api.http.get(`/audit/export?${query}`).set('Authorization', auditor).expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    }
    await api.http.get('/audit/export').set('Authorization', manager).expect(403);
    await api.http.get('/audit/export').set('Authorization', bearer('viewer')).expect(403);
    await api.http.get('/audit/export').expect(401);
  });

  it('the CLI’s export writes the same JSON Lines to standard output, and CSV with --format csv', async () => {
    const env = envFor(location);
    const [jsonl, csv, windowed, bad] = await Promise.all([
      cli(['export'], env),
      cli(['export', '--format', 'csv'], env),
      cli(['export', '--from', stored[3].recordedAt], env),
      cli(['export', '--from', 'soon'], env),
    ]);
    const http = await api.http.get('/audit/export').set('Authorization', auditor).expect(200);
    expect(jsonl.code).toBe(0);
    // The CLI reveals personal data as the API does: the two exports are the same, line for line.
    expect(jsonLines(jsonl.stdout)).toEqual(jsonLines(http.text));
    expect(csv.code).toBe(0);
    expect(csvRecords(csv.stdout).map((row) => row.hash)).toEqual(stored.map((event) => event.hash));
    expect(jsonLines(windowed.stdout)[0].globalPosition).toBe(stored[3].globalPosition);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/from must be an ISO 8601/);
  }, 60_000);

  it('the CLI’s replay prints the timeline as a table; 1 for an unknown reference, 2 without one', async () => {
    const env = envFor(location);
    const [replay, unknown, missing] = await Promise.all([cli(['replay', reference], env), cli(['replay', 'TROW-2026-99999'], env), cli(['replay'], env)]);
    expect(replay.code).toBe(0);
    const lines = replay.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${reference}: 4 events, now resolved`));
    expect(lines[2]).toMatch(/^version\s+when\s+who\s+what\s+status after$/);
    expect(lines.slice(4)).toEqual([
      expect.stringMatching(/^1\s+\S+Z\s+anonymous \(resident\)\s+IssueLogged: "Pothole on Castle Street" \(highways\) in trowbridge via online\s+logged$/),
      expect.stringMatching(/^2\s+\S+Z\s+areaManager-e2e \(areaManager\)\s+IssueReferred: to Wiltshire Highways: "Reported twice this month"\s+referred$/),
      expect.stringMatching(/^3\s+\S+Z\s+boardChair-e2e \(boardChair\)\s+OfficerAssigned: to officer-42, due by 2027-01-15\s+referred$/),
      expect.stringMatching(/^4\s+\S+Z\s+officer-e2e \(officer\)\s+IssueResolved: outcome "Resurfaced on 12 December."\s+resolved$/),
    ]);
    expect(replay.stdout).not.toMatch(/Ada Resident|ada@example.org/);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no issue TROW-2026-99999/);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/usage: npm run cli -- replay <reference>/);
  }, 60_000);
});
