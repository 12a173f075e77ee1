import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type TestAgent from 'supertest/lib/agent';
import { type EventStoreAdapter } from '@app/event-store';
import { TEST_DATABASE_URL } from '@app/event-store/testing/postgresTestDatabase';
import { EVENT_STORE } from '../apps/api/src/store/tokens';
import { eventually } from './support/eventually';
import { admin, advance, auditor, command, type IssueBody, manager, officer, raise } from './support/issueRequests';
import { newStoreLocation, removeStoreLocation, startTestApp, STORES, type StoreLocation, type TestApp } from './support/testApp';

const ERASED = '[erased]';

/** Every byte the store and the read models keep: each file in DATA_DIR (with -wal), or each PostgreSQL table as text. */
async function everythingStored(location: StoreLocation): Promise<string> {
  if (location.kind === 'sqlite') {
    const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
    return files(location.dataDir)
      .map((file) => readFileSync(file).toString('latin1'))
      .join('\n');
  }
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ table_name: string }>('SELECT table_name FROM information_schema.tables WHERE table_schema = $1', [location.schema]);
    const names = tables.map((t) => t.table_name);
    expect(names).toEqual(expect.arrayContaining(['events', 'idempotency_keys', 'personal_data_keys']));
    expect(names.some((table) => table.startsWith('issues'))).toBe(true);
    const dumps: string[] = [];
    for (const { table_name } of tables) {
      const { rows } = await client.query<{ row: string }>(`SELECT t::text AS row FROM "${location.schema}"."${table_name}" t`);
      dumps.push(...rows.map((row) => row.row));
    }
    return dumps.join('\n');
  } finally {
    await client.end();
  }
}

describe.each(STORES)('erasing personal data, on %s', (kind) => {
  let location: StoreLocation;
  let api: TestApp;
  let http: TestAgent;
  beforeAll(async () => {
    location = newStoreLocation(kind);
    api = await startTestApp(location);
    http = api.http;
  });
  afterAll(async () => {
    await api.close();
    await removeStoreLocation(location);
  });

  const unique = randomBytes(6).toString('hex');
  const name = `Zebedee Quill${unique}`;
  const email = `zq.${unique}@example.org`;
  const address = `${unique} Mulberry Close, Trowbridge`;
  const resident = { raisedBy: { name, email }, location: { lat: 51.32, lng: -2.21, address } };
  const secrets = [name, email, address, `Quill${unique}`, `zq.${unique}`];
  const expectNone = (text: string) => {
    for (const secret of secrets) expect(text).not.toContain(secret);
  };

  let first: IssueBody;
  let second: IssueBody;
  const replayKey = `erasure-${unique}`;

  it('keeps the resident only sealed, and shows them to staff', async () => {
    first = await raise(http, resident);
    second = await raise(http, { ...resident, raisedBy: { name, email: email.toUpperCase() } });
    expect(first.raisedBy).toEqual({ name, email });
    const read = await http.get(`/issues/${second.id}`).set('Authorization', manager);
    expect(read.body.raisedBy.name).toBe(name);
    expect(read.body.location.address).toBe(address);
    // Once the read models hold both issues (their tables are created as the projections start)...
    await eventually(async () => {
      const { body } = await http.get('/issues').set('Authorization', manager).expect(200);
      expect(body.items.map((item: { id: string }) => item.id)).toEqual(expect.arrayContaining([first.id, second.id]));
    }, 5_000);
    // ...before any erasure, nothing of theirs is on disk in plaintext, only sealed.
    expectNone(await everythingStored(location));
  });

  it('answers a retried command from its sealed stored response', async () => {
    const referred = await command(http, first, 'refer').set('Idempotency-Key', replayKey);
    expect(referred.status).toBe(200);
    const replay = await command(http, first, 'refer').set('Idempotency-Key', replayKey);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.raisedBy.name).toBe(name);
    first = await advance(http, replay.body as IssueBody, ['assign', 'notes']);
  });

  it('lets only an admin erase', async () => {
    for (const auth of [manager, officer, auditor]) {
      expect((await http.post(`/issues/${first.id}/erase-personal-data`).set('Authorization', auth).send({})).status).toBe(403);
    }
    expect((await http.post(`/issues/${first.id}/erase-personal-data`).send({})).status).toBe(401);
    expect((await http.post(`/issues/${randomUUID()}/erase-personal-data`).set('Authorization', admin).send({})).status).toBe(404);
    expect((await http.post(`/issues/${first.id}/erase-personal-data`).set('Authorization', admin).send({ expectedVersion: 1 })).status).toBe(409);
  });

  it('erases: the answer, and a second erasure that changes nothing', async () => {
    const erased = await http.post(`/issues/${first.id}/erase-personal-data`).set('Authorization', admin);
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ status: first.status, version: first.version + 1, raisedBy: { name: ERASED }, location: { address: ERASED } });
    expect(erased.body.allowedCommands).not.toContain('erase-personal-data');
    const again = await http.post(`/issues/${first.id}/erase-personal-data`).set('Authorization', admin).send({});
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(first.version + 1);
  });

  it('then nothing of the resident is readable: answers, replay, history, export, rebuilt projection, files', async () => {
    const answers: string[] = [];
    for (const issue of [first, second]) {
      const read = await http.get(`/issues/${issue.id}`).set('Authorization', manager);
      expect(read.body.raisedBy).toEqual({ name: ERASED });
      expect(read.body.location.address).toBe(ERASED);
      answers.push(JSON.stringify(read.body));
    }
    const replay = await command(http, { id: first.id, version: 1 }, 'refer').set('Idempotency-Key', replayKey);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.raisedBy.name).toBe(ERASED);
    answers.push(JSON.stringify(replay.body));
    await eventually(async () => {
      const list = await http.get('/issues?pageSize=200').set('Authorization', manager);
      const mine = (list.body.items as IssueBody[]).filter((item) => [first.id, second.id].includes(item.id));
      expect(mine.map((item) => item.raisedBy)).toEqual([{ name: ERASED }, { name: ERASED }]);
      answers.push(JSON.stringify(list.body));
    });
    const history = await http.get(`/issues/${first.id}/history`).set('Authorization', auditor);
    expect(history.status).toBe(200);
    expect(history.body.events.map((event: { type: string }) => event.type)).toContain('PersonalDataErased');
    expect(history.body.events[0].data.personal).toEqual({ raisedBy: { name: ERASED }, address: ERASED });
    answers.push(JSON.stringify(history.body));
    const state = await http.get(`/issues/${first.id}/state?at=${new Date(Date.now() + 1000).toISOString()}`).set('Authorization', auditor);
    expect(state.body.raisedBy).toEqual({ name: ERASED });
    answers.push(JSON.stringify(state.body));
    const exported = await http.get('/audit/export?format=jsonl').set('Authorization', auditor);
    expect(exported.status).toBe(200);
    expect(exported.text).toContain(first.id);
    answers.push(exported.text);
    const verify = await http.get('/audit/verify').set('Authorization', auditor);
    expect(verify.body).toMatchObject({ ok: true });

    expect((await http.post('/projections/issues/rebuild').set('Authorization', admin)).status).toBeLessThan(300);
    await eventually(async () => {
      const list = await http.get(`/issues?pageSize=200`).set('Authorization', manager);
      expect((list.body.items as IssueBody[]).filter((item) => item.id === first.id).map((item) => item.raisedBy)).toEqual([{ name: ERASED }]);
      answers.push(JSON.stringify(list.body));
    }, 5_000);

    expectNone(answers.join('\n'));
    expectNone(await everythingStored(location));
  });

  it('gives the resident a new key when they raise an issue after erasure', async () => {
    const later = await raise(http, resident);
    expect((await http.get(`/issues/${later.id}`).set('Authorization', manager)).body.raisedBy).toEqual({ name, email });
    expect((await http.get(`/issues/${second.id}`).set('Authorization', manager)).body.raisedBy).toEqual({ name: ERASED });
  });
});

describe.each(STORES)('IssueLogged v1 (plaintext, no subject), stored before sealing, on %s', (kind) => {
  let location: StoreLocation;
  let api: TestApp;
  beforeAll(async () => {
    location = newStoreLocation(kind);
    api = await startTestApp(location);
  });
  afterAll(async () => {
    await api.close();
    await removeStoreLocation(location);
  });

  it('reads through the repository, the projection (rebuilt too) and the history; erasure shows "[erased]"', async () => {
    const { http } = api;
    const store = api.app.get<EventStoreAdapter>(EVENT_STORE);
    const id = randomUUID();
    const reference = `TROW-2026-9${randomBytes(2).readUInt16BE(0).toString().padStart(5, '0')}`;
    const at = '2026-01-05T09:00:00.000Z';
    const metadata = { actor: { id: 'anonymous', role: 'resident' }, occurredAt: at, correlationId: 'v1', causationId: 'v1', schemaVersion: 1, workflowVersion: 1 };
    const data = {
      reference,
      title: 'Old pothole',
      description: 'Logged before personal data was sealed.',
      category: 'highways',
      areaId: 'trowbridge',
      channel: 'online',
      location: { lat: 51.3, lng: -2.2 },
      personal: { raisedBy: { name: 'Olive Oldway', email: 'olive@example.org' }, address: '1 Old Road' },
    };
    await store.append(`issue-${id}`, [{ id: randomUUID(), type: 'IssueLogged', data, metadata }], 0, { uniqueKeys: [{ scope: 'reference', key: reference }] });

    const read = await http.get(`/issues/${reference}`).set('Authorization', manager);
    expect(read.body).toMatchObject({ id, status: 'logged', version: 1, raisedBy: { name: 'Olive Oldway' }, location: { address: '1 Old Road' } });
    const listed = async () => ((await http.get('/issues?pageSize=200').set('Authorization', manager)).body.items as IssueBody[]).find((item) => item.id === id);
    await eventually(async () => expect((await listed())?.raisedBy).toEqual({ name: 'Olive Oldway', email: 'olive@example.org' }));

    const referred = await command(http, read.body as IssueBody, 'refer');
    expect(referred.body).toMatchObject({ status: 'referred', version: 2, raisedBy: { name: 'Olive Oldway' } });
    const history = await http.get(`/issues/${id}/history`).set('Authorization', auditor);
    expect(history.body.events[0].data.personal.raisedBy.name).toBe('Olive Oldway');
    const verify = await http.get('/audit/verify').set('Authorization', auditor);
    expect(verify.body).toMatchObject({ ok: true });

    expect((await http.post(`/issues/${id}/erase-personal-data`).set('Authorization', admin).send({})).status).toBe(200);
    expect((await http.get(`/issues/${id}`).set('Authorization', manager)).body.raisedBy).toEqual({ name: ERASED });
    const after = await http.get(`/issues/${id}/history`).set('Authorization', auditor);
    expect(JSON.stringify(after.body)).not.toContain('Olive');
    const exported = await http.get('/audit/export?format=jsonl').set('Authorization', auditor);
    expect(exported.text).toContain(id);
    expect(exported.text).not.toContain('Olive');
    expect((await http.get('/audit/verify').set('Authorization', auditor)).body).toMatchObject({ ok: true });
    await http.post('/projections/issues/rebuild').set('Authorization', admin);
    await eventually(async () => expect((await listed())?.raisedBy).toEqual({ name: ERASED }), 5_000);
  });
});
