import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { TEST_DATABASE_URL } from '@app/event-store/testing/postgresTestDatabase';
import { admin, auditor, manager, officer, raise } from './support/issueRequests';
import { bearer, envFor, newStoreLocation, removeStoreLocation, startTestApp, type StoreLocation, STORES, type TestApp } from './support/testApp';
import { runCli as cli } from './support/cliProcess';



/** Raw SQL on the app's store, as someone with write access to the database (`$n` placeholders, each used once, in order). */
async function tamper(location: StoreLocation, statements: ReadonlyArray<readonly [string, unknown[]]>): Promise<void> {
  if (location.kind === 'sqlite') {
    const db = new Database(join(location.dataDir, 'events.db'));
    try {
      for (const [sql, params] of statements) db.prepare(sql.replace(/\$\d+/g, '?')).run(...params);
    } finally {
      db.close();
    }
    return;
  }
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`SET search_path TO "${location.schema}"`);
    for (const [sql, params] of statements) await client.query(sql, params);
  } finally {
    await client.end();
  }
}

const encode = (anchor: unknown) => Buffer.from(JSON.stringify(anchor)).toString('base64url');

describe.each(STORES)('audit verify and anchors on %s: routes, roles and the CLI', (kind) => {
  const location = newStoreLocation(kind);
  const env = envFor(location);
  let api: TestApp;
  let referred: { id: string };
  beforeAll(async () => {
    api = await startTestApp(location);
    referred = await raise(api.http);
    await api.http.post(`/issues/${referred.id}/refer`).set('Authorization', manager).send({ serviceProvider: 'Highways', note: null, expectedVersion: 1 }).expect(200);
    await raise(api.http);
  });
  afterAll(async () => {
    await api?.close();
    await removeStoreLocation(location);
  });

  it('only auditors and admins may verify or take an anchor; others are refused, anonymous callers must sign in', async () => {
    for (const path of ['/audit/verify', '/audit/anchor']) {
      await api.http.get(path).set('Authorization', auditor).expect(200);
      await api.http.get(path).set('Authorization', admin).expect(200);
      for (const role of [officer, manager, bearer('viewer'), bearer('boardChair')]) await api.http.get(path).set('Authorization', role).expect(403);
      await api.http.get(path).expect(401);
    }
  });

  it('an untouched store verifies ok, an anchor round-trips through verify, and a malformed anchor is a 400', async () => {
    const { body: report } = await api.http.get('/audit/verify').set('Authorization', auditor).expect(200);
    // Two issues (three events) and the service-levels stream, whose policy the app adopted at start-up.
    expect(report).toEqual({ ok: true, streamsChecked: 3, eventsChecked: 4, violations: [] });
    const { body: anchor } = await api.http.get('/audit/anchor').set('Authorization', auditor).expect(200);
    expect(anchor).toEqual({
      checkpoint: expect.any(String),
      events: 4,
      streams: 3,
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
      takenAt: expect.any(String),
      signature: expect.any(String),
      publicKey: expect.stringContaining('BEGIN PUBLIC KEY'),
    });
    await api.http.get('/audit/verify').query({ anchor: encode(anchor) }).set('Authorization', auditor).expect(200, { ok: true, streamsChecked: 3, eventsChecked: 4, violations: [] });
    for (const bad of ['%%%', encode({ events: 'many' }), Buffer.from('not json').toString('base64url')]) {
      const { body } = await api.http.get('/audit/verify').query({ anchor: bad }).set('Authorization', auditor).expect(400);
      expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.stringMatching(/anchor/) });
    }
  });

  it("the CLI's anchor verifies through the API; after a stream's end is cut with its head adjusted, verify names the issue and the anchor catches it, and the CLI exits 1", async () => {
    const [anchored, clean] = await Promise.all([cli(['anchor'], env), cli(['verify'], env)]);
    expect(anchored.code).toBe(0);
    expect(clean).toMatchObject({ code: 0, stdout: expect.stringMatching(/verify: OK: 3 streams, 4 events/) });
    const anchor = JSON.parse(anchored.stdout);
    const anchorFile = join(location.dataDir, 'anchor.json');
    writeFileSync(anchorFile, anchored.stdout);
    await api.http.get('/audit/verify').query({ anchor: encode(anchor) }).set('Authorization', auditor).expect(200).expect(({ body }) => expect(body.ok).toBe(true));

    const streamId = `issue-${referred.id}`;
    await tamper(location, [
      ['DELETE FROM events WHERE stream_id = $1 AND version = 2', [streamId]],
      ['UPDATE streams SET version = 1, last_hash = (SELECT hash FROM events WHERE stream_id = $1 AND version = 1) WHERE stream_id = $2', [streamId, streamId]],
    ]);

    const { body: report } = await api.http.get('/audit/verify').set('Authorization', auditor).expect(200);
    expect(report).toMatchObject({ ok: false, violations: [{ issueId: referred.id, version: 1, kind: 'version-gap' }] });
    const { body: withAnchor } = await api.http.get('/audit/verify').query({ anchor: encode(anchor) }).set('Authorization', admin).expect(200);
    expect(withAnchor.violations).toContainEqual(expect.objectContaining({ issueId: null, kind: 'anchor-mismatch', detail: expect.stringContaining('1 fewer') }));

    const [failed, badAnchor] = await Promise.all([cli(['verify', '--anchor', anchorFile], env), cli(['verify', '--anchor', join(location.dataDir, 'missing.json')], env)]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/verify: FAILED/);
    expect(failed.stderr).toContain(`version-gap        issue ${referred.id} v1`);
    expect(failed.stderr).toMatch(/anchor-mismatch .*1 fewer/);
    expect(badAnchor.code).toBe(2);
    expect(badAnchor.stderr).toMatch(/cannot read the anchor file/);
  }, 90_000);
});
