import { admin, advance, AREA, auditor, command, manager, raise } from './support/issueRequests';
import { eventually } from './support/eventually';
import { bearer, STORES, useTestApp } from './support/testApp';

describe.each(STORES)('GET /issues, the tracker, on %s', (kind) => {
  const api = useTestApp(kind);
  const list = (query: string, auth = admin) => api.http.get(`/issues${query}`).set('Authorization', auth);

  let ids: Record<string, string>;
  beforeAll(async () => {
    const http = api.http;
    const pothole = await raise(http, { title: 'Pothole on Castle Street', channel: 'email' }, manager);
    const bins = await raise(http, { title: 'Bins not emptied', description: 'Wheelie bins left for a week.', category: 'waste', channel: 'phone' }, manager);
    const calne = await raise(http, { title: 'Broken bench in the park', category: 'parks', areaId: 'calne' }, admin);
    const referred = await advance(http, bins, ['refer', 'assign']);
    const overdue = await command(http, pothole, 'assign', { dueBy: '2020-01-31' });
    expect(overdue.status).toBe(200);
    ids = { pothole: pothole.id, bins: referred.id, calne: calne.id };
  });

  it('lists every issue newest first, as the issue read model, within a second of the commands', async () => {
    const { body: detail } = await api.http.get(`/issues/${ids.bins}`).set('Authorization', admin).expect(200);
    // Caught up with the last command on that issue (its officer), not only with an earlier one.
    const { body } = await eventually(async () => {
      const response = await list('');
      expect(response.status).toBe(200);
      expect(response.body.total).toBe(3);
      // The list adds only whether a resident's dispute is open.
      expect(response.body.items.find((item: { id: string }) => item.id === ids.bins)).toEqual({ ...detail, disputedAt: null });
      expect(response.body.asOfPosition).toBeGreaterThanOrEqual(5);
      return response;
    });
    expect(body).toMatchObject({ total: 3, page: 1, pageSize: 50 });
    expect(body.items.map((item: { id: string }) => item.id)).toEqual([ids.calne, ids.bins, ids.pothole]);
  });

  it.each([
    ['?status=referred', ['bins']],
    ['?category=waste', ['bins']],
    ['?channel=email', ['pothole']],
    ['?areaId=calne', ['calne']],
    ['?q=WHEELIE', ['bins']],
    ['?q=castle', ['pothole']],
    ['?officer=officer-42', ['bins', 'pothole']],
    ['?overdue=true', ['pothole']],
    // Soonest running deadline (bundled policy): calne not yet acknowledged (2 working days), bins
    // to resolve (waste, 5), pothole to resolve (trowbridge highways, 10).
    ['?sort=nextDeadline', ['calne', 'bins', 'pothole']],
    ['?from=2000-01-01&to=2000-01-02', []],
  ])('filters %s', async (query, expected) => {
    await eventually(async () => {
      const { body } = await list(query).expect(200);
      const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
      const found = body.items.map((item: { id: string }) => names[item.id]);
      expect(query.startsWith('?sort') ? found : found.sort()).toEqual(expected);
      expect(body.total).toBe(expected.length);
    });
  });

  it('finds by reference text and pages through', async () => {
    const { body: all } = await list('').expect(200);
    const reference = all.items[0].reference as string;
    const { body } = await list(`?q=${reference}`).expect(200);
    expect(body.items.map((item: { reference: string }) => item.reference)).toEqual([reference]);
    const { body: second } = await list('?pageSize=2&page=2').expect(200);
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(second.items).toHaveLength(1);
  });

  it("shows staff only their areas' issues, and refuses an area they do not serve", async () => {
    const { body } = await list('', manager).expect(200);
    expect(body.items.every((item: { areaId: string }) => item.areaId === AREA)).toBe(true);
    expect(body.total).toBe(2);
    await list('?areaId=calne', manager).expect(403);
    await list('', auditor).expect(200);
  });

  it('refuses viewers and anonymous callers, and bad filters with 400 naming them', async () => {
    await list('', bearer('viewer', ['*'])).expect(403);
    await api.http.get('/issues').expect(401);
    const { body } = await list('?pageSize=500&status=lost&from=yesterday').expect(400);
    expect(body.message.join(' ')).toMatch(/pageSize/);
    expect(body.message.join(' ')).toMatch(/status/);
    expect(body.message.join(' ')).toMatch(/from/);
  });

  it('describes its projections: position, lag and status', async () => {
    await eventually(async () => {
      const { body } = await api.http.get('/projections').set('Authorization', bearer('viewer', ['*'])).expect(200);
      expect(body).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'issues', lag: 0, status: 'live' })]));
      expect(body.find((p: { name: string }) => p.name === 'issues').position).toBeGreaterThanOrEqual(6);
    });
  });

  it('rebuilds a projection on demand (admin only), answering from the old tables until the new ones catch up', async () => {
    await api.http.post('/projections/issues/rebuild').set('Authorization', manager).expect(403);
    await api.http.post('/projections/nothing/rebuild').set('Authorization', admin).expect(404);
    const before = (await list('').expect(200)).body;
    await api.http.post('/projections/issues/rebuild').set('Authorization', admin).expect(202);
    // Reads never fail or shrink while it rebuilds.
    for (let i = 0; i < 5; i++) expect((await list('').expect(200)).body.total).toBe(3);
    await eventually(async () => {
      const { body } = await api.http.get('/projections').set('Authorization', admin).expect(200);
      expect(body.find((p: { name: string }) => p.name === 'issues')).toMatchObject({ status: 'live', lag: 0 });
    }, 5_000);
    const after = (await list('').expect(200)).body;
    expect(after.items).toEqual(before.items);
  });

  describe('statusCounts: issues per status for the same filters, the status filter and paging aside', () => {
    const NONE = { logged: 0, referred: 0, boardReview: 0, roundtable: 0, resolved: 0, fedBack: 0, withdrawn: 0, awaitingResident: 0 };

    it.each([
      ['every area, for admin', '', admin, { logged: 2, referred: 1 }, 3],
      ['whatever the status filter and the page', '?status=referred&pageSize=1&page=2', admin, { logged: 2, referred: 1 }, 1],
      ['only the areas a manager serves', '', manager, { logged: 1, referred: 1 }, 2],
      ['area and overdue', '?areaId=trowbridge&overdue=true', admin, { logged: 1 }, 1],
      ['area and text', '?areaId=trowbridge&q=wheelie', admin, { referred: 1 }, 1],
      ['area and text, beside a status with none', '?areaId=calne&q=bench&status=referred', admin, { logged: 1 }, 0],
      ['area, text, overdue and status, for a manager', '?areaId=trowbridge&q=castle&overdue=true&status=logged', manager, { logged: 1 }, 1],
      ['nothing matching: every status 0', '?areaId=trowbridge&q=bench', admin, {}, 0],
    ])('counts %s', async (_label, query, auth, counts, total) => {
      await eventually(async () => {
        const { body } = await list(query, auth).expect(200);
        expect(body.statusCounts).toEqual({ ...NONE, ...counts });
        expect(body.total).toBe(total);
      });
    });
  });
});
