import { describeWithPostgres } from '@app/event-store/testing/postgresTestDatabase';
import { startApiProcess, type ApiProcess } from './support/apiProcess';
import { COMMAND_BODIES, intake, type IssueBody, manager, officer } from './support/issueRequests';
import { envFor, newStoreLocation, removeStoreLocation, type StoreLocation } from './support/testApp';

jest.setTimeout(120_000);

describeWithPostgres('two API processes on one PostgreSQL store', () => {
  let location: StoreLocation;
  let apis: ApiProcess[];
  beforeAll(async () => {
    location = newStoreLocation('postgres');
    const env = envFor(location, { LOG_LEVEL: 'error' });
    apis = await Promise.all([startApiProcess(env), startApiProcess(env)]);
  });
  afterAll(async () => {
    await Promise.all(apis.map((api) => api.kill('SIGTERM')));
    await removeStoreLocation(location);
  });

  const post = (api: ApiProcess, path: string, body: unknown, auth?: string) =>
    fetch(`${api.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(auth && { Authorization: auth }) },
      body: JSON.stringify(body),
    });

  it('gives 50 intakes spread over both processes 50 different references', async () => {
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => post(apis[i % 2], '/issues', intake({ areaId: 'calne' }))));
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
    const references = await Promise.all(responses.map(async (r) => ((await r.json()) as IssueBody).reference));
    const year = new Date().getUTCFullYear();
    expect(references.sort()).toEqual(Array.from({ length: 50 }, (_, i) => `CALN-${year}-${String(i + 1).padStart(5, '0')}`));
  });

  it('lets exactly one of 20 commands at one version through, whichever process each reaches', async () => {
    const issue = (await (await post(apis[0], '/issues', intake())).json()) as IssueBody;
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post(apis[i % 2], `/issues/${issue.id}/notes`, { expectedVersion: 1, ...COMMAND_BODIES.notes, text: `note ${i}` }, officer)),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(19).fill(409)]);
    const read = await fetch(`${apis[1].url}/issues/${issue.reference}`, { headers: { Authorization: manager } });
    expect(((await read.json()) as IssueBody).version).toBe(2);
  });
});
