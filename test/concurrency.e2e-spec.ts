import { admin, command, intake, raise } from './support/issueRequests';
import { STORES, useTestApp } from './support/testApp';

describe.each(STORES)('concurrency, on %s', (kind) => {
  const api = useTestApp(kind);

  it('gives 50 concurrent intakes in one area 50 different references, numbered 1 to 50', async () => {
    const year = new Date().getUTCFullYear();
    const responses = await Promise.all(Array.from({ length: 50 }, () => api.http.post('/issues').send(intake({ areaId: 'melksham' }))));
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
    const references = responses.map((r) => r.body.reference as string).sort();
    expect(references).toEqual(Array.from({ length: 50 }, (_, i) => `MELK-${year}-${String(i + 1).padStart(5, '0')}`));
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(50);
  });

  it('lets exactly one of 20 concurrent commands at one expected version through', async () => {
    const issue = await raise(api.http);
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => command(api.http, issue, 'notes', { text: `note ${i}` })));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    responses.filter((r) => r.status === 409).forEach((r) => expect(r.body.currentVersion).toBeGreaterThanOrEqual(1));
    const { body } = await api.http.get(`/issues/${issue.id}`).set('Authorization', admin).expect(200);
    expect(body.version).toBe(2);
  });
});
