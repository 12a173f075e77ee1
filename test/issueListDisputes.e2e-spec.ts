import { advance, command, type IssueBody, manager, raise } from './support/issueRequests';
import { eventually } from './support/eventually';
import { STORES, useTestApp } from './support/testApp';

/** The console's queue: an outcome the resident disputed, until resolved again, comes first when asked. */
describe.each(STORES)('GET /issues?disputesFirst=true, on %s', (kind) => {
  const api = useTestApp(kind);
  const list = (query: string) => api.http.get(`/issues${query}`).set('Authorization', manager);
  const answer = async (issue: IssueBody, body: Record<string, unknown>): Promise<IssueBody> => {
    const response = await command(api.http, issue, 'record-confirmation', body, manager);
    expect(response.status).toBe(200);
    return response.body as IssueBody;
  };
  const DISPUTE = { confirmed: false, reason: 'The pothole is back after a week.', channel: 'phone' };
  const references = (body: { items: Array<{ reference: string }> }) => body.items.map((item) => item.reference);

  let disputed: IssueBody;
  let confirmed: IssueBody;
  let fresh: IssueBody;
  beforeAll(async () => {
    disputed = await answer(await advance(api.http, await raise(api.http, { title: 'Disputed pothole' }, manager), ['refer', 'resolve', 'feed-back']), DISPUTE);
    confirmed = await answer(await advance(api.http, await raise(api.http, { title: 'Confirmed streetlight' }, manager), ['refer', 'resolve', 'feed-back']), {
      confirmed: true,
      channel: 'letter',
    });
    fresh = await raise(api.http, { title: 'A new issue' }, manager);
  });

  it('lists the open dispute first with its disputedAt, the rest newest first; without the flag, newest first as ever', async () => {
    expect(disputed.status).toBe('logged');
    const { body } = await eventually(async () => {
      const response = await list('?disputesFirst=true').expect(200);
      expect(response.body.total).toBe(3);
      expect(response.body.items[0].disputedAt).not.toBeNull();
      return response;
    });
    expect(references(body)).toEqual([disputed.reference, fresh.reference, confirmed.reference]);
    expect(body.items.map((item: { disputedAt: string | null }) => item.disputedAt)).toEqual([disputed.updatedAt, null, null]);
    expect(references((await list('').expect(200)).body)).toEqual([fresh.reference, confirmed.reference, disputed.reference]);
    expect(references((await list('?disputesFirst=true&sort=nextDeadline&pageSize=1').expect(200)).body)).toEqual([disputed.reference]);
    expect(references((await list('?disputesFirst=true&pageSize=2&page=2').expect(200)).body)).toEqual([confirmed.reference]);
  });

  it('closes the dispute once the issue is resolved again', async () => {
    const resolved = await advance(api.http, disputed, ['refer', 'resolve']);
    await eventually(async () => {
      const { body } = await list('?disputesFirst=true').expect(200);
      expect(references(body)).toEqual([fresh.reference, confirmed.reference, resolved.reference]);
      expect(body.items.every((item: { disputedAt: string | null }) => item.disputedAt === null)).toBe(true);
    });
  });

  it('refuses a disputesFirst that is not true or false with 400 naming it', async () => {
    const { body } = await list('?disputesFirst=yes').expect(400);
    expect([body.message].flat().join(' ')).toMatch(/^disputesFirst must/);
  });
});
