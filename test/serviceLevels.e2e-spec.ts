import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '@app/event-store';
import { sampleImportLine } from '../apps/api/src/admin/import/testing/sampleImportLine';
import { EVENT_STORE } from '../apps/api/src/store/tokens';
import { admin, auditor, raise } from './support/issueRequests';
import { bearer, newStoreLocation, removeStoreLocation, startTestApp, type StoreLocation, STORES, type TestApp, useTestApp } from './support/testApp';

const BUNDLED = JSON.parse(readFileSync(join(__dirname, '..', 'config', 'service-levels.json'), 'utf8'));

/** The policy version an issue's IssueLogged recorded, as its history shows it. */
async function loggedUnder(api: TestApp, issueId: string): Promise<unknown> {
  const { body } = await api.http.get(`/issues/${issueId}/history`).set('Authorization', auditor).expect(200);
  return body.events.find((event: { type: string }) => event.type === 'IssueLogged').data.policyVersion;
}

const adoptedVersions = async (api: TestApp) =>
  (await api.app.get<EventStore>(EVENT_STORE).readStream('service-levels')).map((event) => (event.data as { version: string }).version);

describe.each(STORES)('service levels on %s', (kind) => {
  const api = useTestApp(kind);

  it.each(['viewer', 'officer', 'auditor', 'areaManager', 'boardChair', 'admin'] as const)('GET /service-levels shows %s the bundled policy as in its file', async (role) => {
    const { body } = await api.http.get('/service-levels').set('Authorization', bearer(role)).expect(200);
    expect(body).toEqual(BUNDLED);
  });

  it('GET /service-levels refuses anonymous callers', async () => {
    await api.http.get('/service-levels').expect(401);
  });

  it('logs a new issue under the policy in force, adopted once into the store', async () => {
    const issue = await raise(api.http);
    expect(issue.policyVersion).toBe('2026-1');
    expect(await loggedUnder(api, issue.id)).toBe('2026-1');
    expect(await adoptedVersions(api)).toEqual(['2026-1']);
  });

  it('logs an imported issue under the policy in force too', async () => {
    const { body } = await api.http
      .post('/admin/import')
      .set('Authorization', admin)
      .set('Content-Type', 'application/x-ndjson')
      .send(JSON.stringify(sampleImportLine()) + '\n')
      .expect(200);
    expect(body).toMatchObject({ imported: 1 });
    expect(await loggedUnder(api, body.issues[0].id)).toBe('2026-1');
  });
});

describe.each(STORES)('SERVICE_LEVELS_FILE on %s', (kind) => {
  let location: StoreLocation;
  let dir: string;
  let running: TestApp | undefined;
  beforeEach(() => {
    location = newStoreLocation(kind);
    dir = mkdtempSync(join(tmpdir(), 'service-levels-e2e-'));
  });
  afterEach(async () => {
    await running?.close();
    running = undefined;
    await removeStoreLocation(location);
    rmSync(dir, { recursive: true, force: true });
  });
  const policyFile = (policy: unknown, name = 'service-levels.json') => {
    const file = join(dir, name);
    writeFileSync(file, typeof policy === 'string' ? policy : JSON.stringify(policy));
    return file;
  };
  const start = async (file: string) => (running = await startTestApp(location, { SERVICE_LEVELS_FILE: file }));
  const stop = async () => {
    await running?.close();
    running = undefined;
  };

  it('refuses to start on a policy with problems, naming each', async () => {
    const file = policyFile({ version: '2026-2', region: 'GB-XX', default: { acknowledge: 2, resolve: 0 }, categories: { potholes: { resolve: 5 } } });
    const refused = startTestApp(location, { SERVICE_LEVELS_FILE: file });
    await expect(refused).rejects.toThrow(`SERVICE_LEVELS_FILE ${file} is not a valid service-level policy`);
    const message = await refused.catch((error: Error) => error.message);
    expect(message).toContain('region must be one of GB-ENG, GB-WLS, GB-SCT, GB-NIR, got "GB-XX"');
    expect(message).toContain('default.resolve must be a whole number of working days from 1 to 365, got 0');
    expect(message).toContain('default.feedBack must be a whole number of working days from 1 to 365, got nothing');
    expect(message).toContain('categories.potholes: "potholes" is not a known category');
  });

  it('refuses to start on a file that is not JSON', async () => {
    const file = policyFile('{ "version": "2026-2",');
    await expect(startTestApp(location, { SERVICE_LEVELS_FILE: file })).rejects.toThrow(`SERVICE_LEVELS_FILE ${file} is not JSON`);
  });

  it('serves the file in force, refuses a changed policy under the same version, and adopts a new version while issues keep theirs', async () => {
    await start(policyFile(BUNDLED));
    const before = await raise(running!.http);
    await stop();

    const changed = policyFile({ ...BUNDLED, categories: { ...BUNDLED.categories, highways: { resolve: 12 } } }, 'changed.json');
    await expect(startTestApp(location, { SERVICE_LEVELS_FILE: changed })).rejects.toThrow(
      /service-level policy 2026-1 in SERVICE_LEVELS_FILE .*changed\.json differs from the version 2026-1 already adopted on \d{4}-\d{2}-\d{2}: give the changed policy a new version/,
    );

    const next = { ...BUNDLED, version: '2026-2', categories: { ...BUNDLED.categories, highways: { resolve: 12 } } };
    await start(policyFile(next, 'next.json'));
    expect((await running!.http.get('/service-levels').set('Authorization', bearer('viewer')).expect(200)).body).toEqual(next);
    const after = await raise(running!.http);
    expect(after.policyVersion).toBe('2026-2');
    expect(await loggedUnder(running!, before.id)).toBe('2026-1');
    expect(await adoptedVersions(running!)).toEqual(['2026-1', '2026-2']);
  });
});
