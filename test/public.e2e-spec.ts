import { admin, AREA, command, type IssueBody, manager, raise } from './support/issueRequests';
import { eventually } from './support/eventually';
import { STORES, useTestApp } from './support/testApp';

// Personal data no public answer may ever carry, written into every place staff could put it.
const NAME = 'Philippa Marchbanks-Oyelaran';
const EMAIL = 'p.marchbanks@example.invalid';
const PHONE = '07700 900461';
const ADDRESS = '17 Larkspur Close, Trowbridge BA14 9ZZ';
const PERSONAL = [NAME, 'Marchbanks', EMAIL, PHONE, '900461', ADDRESS, 'Larkspur'];
const raisedBy = { raisedBy: { name: NAME, email: EMAIL, phone: PHONE }, location: { lat: 51.3192, lng: -2.2083, address: ADDRESS } };

describe.each(STORES)('the public tracker and "you said, we did", on %s', (kind) => {
  const api = useTestApp(kind);
  /** Every public answer the tests received: none may hold personal data. */
  const answers: unknown[] = [];
  const get = async (path: string, status?: number) => {
    const response = await api.http.get(path); // no Authorization header: anonymous
    answers.push(response.body);
    if (status !== undefined) expect({ path, status: response.status }).toEqual({ path, status });
    return response;
  };
  const tracker = (reference: string, status?: number) => get(`/public/issues/${encodeURIComponent(reference)}`, status);
  /** Runs a command, asserting it succeeded; answers the issue read model. */
  const step = async (issue: IssueBody, name: string, body: Record<string, unknown> = {}, auth?: string): Promise<IssueBody> => {
    const response = await command(api.http, issue, name, body, auth);
    expect(response.status).toBe(200);
    return response.body as IssueBody;
  };

  const resolved: IssueBody[] = [];
  let path: IssueBody;

  it('follows an issue along a realistic path within a second of each command: status changes and public notes only, the outcome only once resolved', async () => {
    const logged = await raise(api.http, raisedBy);
    const expected: Array<{ status: string; at: string; note?: string }> = [{ status: 'logged', at: logged.loggedAt as string }];
    const { body: first } = await eventually(async () => {
      const response = await tracker(logged.reference, 200);
      // asOfPosition is read before the rows, so it may trail them for an instant.
      expect(response.body.asOfPosition).toBeGreaterThanOrEqual(1);
      return response;
    });
    expect(first).toEqual({
      reference: logged.reference,
      title: 'Pothole on Castle Street',
      category: 'highways',
      areaId: AREA,
      status: 'logged',
      loggedAt: logged.loggedAt,
      timeline: expected,
      asOfPosition: expect.any(Number),
    });

    let issue = await step(logged, 'refer', { note: `Spoke to ${NAME} at ${ADDRESS}` });
    expected.push({ status: 'referred', at: issue.updatedAt as string });
    issue = await step(issue, 'assign', { officer: 'officer-marchbanks' });
    issue = await step(issue, 'notes', { text: 'Highways will inspect the road on Monday.', public: true });
    expected.push({ status: 'referred', at: issue.updatedAt as string, note: 'Highways will inspect the road on Monday.' });
    issue = await step(issue, 'notes', { text: `Internal: ${NAME} rang again, ${PHONE}`, public: false });
    const beforeResolution = await eventually(async () => {
      const { body } = await tracker(logged.reference, 200);
      expect(body.timeline).toEqual(expected);
      return body;
    });
    expect(beforeResolution.status).toBe('referred');
    expect(beforeResolution).not.toHaveProperty('outcome');

    issue = await step(issue, 'resolve', { outcome: 'Pothole filled on Tuesday.' });
    expected.push({ status: 'resolved', at: issue.updatedAt as string });
    await eventually(async () => {
      const { body } = await tracker(logged.reference, 200);
      expect(body).toMatchObject({ status: 'resolved', outcome: 'Pothole filled on Tuesday.', timeline: expected });
    });

    issue = await step(issue, 'feed-back', { message: `Dear ${NAME}, the pothole was filled.` });
    expected.push({ status: 'fedBack', at: issue.updatedAt as string });
    issue = await step(issue, 'reopen', { reason: `${NAME} says it is back` });
    expected.push({ status: 'logged', at: issue.updatedAt as string });
    const reopened = await eventually(async () => {
      const { body } = await tracker(logged.reference, 200);
      expect(body.timeline).toEqual(expected);
      return body;
    });
    expect(reopened.status).toBe('logged');
    expect(reopened).not.toHaveProperty('outcome');

    issue = await step(issue, 'board-review', { report: `${NAME} of ${ADDRESS} asks for resurfacing.` });
    expected.push({ status: 'boardReview', at: issue.updatedAt as string });
    issue = await step(issue, 'roundtable', { participants: [NAME, 'Cllr Smith'] });
    expected.push({ status: 'roundtable', at: issue.updatedAt as string });
    issue = await step(issue, 'resolve', { outcome: 'Castle Street resurfaced.' });
    expected.push({ status: 'resolved', at: issue.updatedAt as string });
    const final = await eventually(async () => {
      const { body } = await tracker(logged.reference, 200);
      expect(body.timeline).toEqual(expected);
      expect(body.asOfPosition).toBeGreaterThanOrEqual(issue.version);
      return body;
    });
    expect(final).toMatchObject({ status: 'resolved', outcome: 'Castle Street resurfaced.', loggedAt: logged.loggedAt });
    path = issue;
    resolved.push(issue);
  });

  it('answers 404, with the error body, for a reference nobody holds and for anything that is not a reference', async () => {
    for (const unknown of ['TROW-2026-99999', 'not-a-reference', path.reference.toLowerCase(), path.id, "TROW-2026-00001' OR '1'='1"]) {
      const { status, body } = await tracker(unknown);
      expect({ unknown, status }).toEqual({ unknown, status: 404 });
      expect(body).toMatchObject({ statusCode: 404, error: 'Not Found', message: expect.any(String) });
    }
    // NUL is refused at the edge, on every route alike (test/hostileInput.e2e-spec.ts).
    expect((await tracker('TROW-2026-00001\u0000')).body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('lists resolved and fed-back issues with their outcomes, latest resolution first, by area and in pages', async () => {
    const resolve = async (overrides: Record<string, unknown>, outcome: string, auth = manager, feedBack = false) => {
      let issue = await raise(api.http, { ...raisedBy, ...overrides }, auth);
      issue = await step(issue, 'refer', {}, auth);
      issue = await step(issue, 'resolve', { outcome }, auth);
      if (feedBack) issue = await step(issue, 'feed-back', {}, auth);
      resolved.push(issue);
      return issue;
    };
    await resolve({ title: 'Overflowing bins on Hill Street', category: 'waste' }, 'Extra collection arranged.');
    await resolve({ title: 'Broken bench in the park', category: 'parks', areaId: 'calne' }, 'Bench replaced.', admin, true);
    const open = await raise(api.http, { ...raisedBy, title: 'Graffiti on the bridge' });
    await step(open, 'refer');
    const withdrawn = await raise(api.http, { ...raisedBy, title: 'Noisy generator' });
    await step(withdrawn, 'withdraw');

    // Expected from what was seeded: the resolutions' own instants, latest first.
    const byResolution = [...resolved].sort((a, b) => String(b.resolvedAt).localeCompare(String(a.resolvedAt)) || b.reference.localeCompare(a.reference));
    const item = (issue: IssueBody) => ({
      reference: issue.reference,
      title: issue.title,
      category: issue.category,
      areaId: issue.areaId,
      status: issue.status,
      loggedAt: issue.loggedAt,
      resolvedAt: issue.resolvedAt,
      outcome: issue.outcome,
    });
    const { body: all } = await eventually(async () => {
      const response = await get('/public/you-said-we-did', 200);
      expect(response.body.items).toEqual(byResolution.map(item));
      return response;
    });
    expect(all.total).toBe(3);
    expect(all.items.map((entry: { status: string }) => entry.status).sort()).toEqual(['fedBack', 'resolved', 'resolved']);

    const { body: calne } = await get('/public/you-said-we-did?areaId=calne', 200);
    expect(calne).toMatchObject({ total: 1, items: [{ title: 'Broken bench in the park', outcome: 'Bench replaced.', status: 'fedBack' }] });
    const { body: trowbridge } = await get(`/public/you-said-we-did?areaId=${AREA}`, 200);
    expect(trowbridge.items.map((entry: { reference: string }) => entry.reference)).toEqual(byResolution.filter((i) => i.areaId === AREA).map((i) => i.reference));
    const { body: page } = await get('/public/you-said-we-did?limit=1&offset=1', 200);
    expect(page).toMatchObject({ total: 3, items: [item(byResolution[1])] });
    expect(page.asOfPosition).toBeGreaterThanOrEqual(all.asOfPosition);
    expect(path.status).toBe('resolved');
  });

  it('refuses an unknown area and bad paging with 400 naming each field', async () => {
    const { body } = await get('/public/you-said-we-did?areaId=atlantis', 400);
    expect(body.message.join(' ')).toMatch(/areaId/);
    const { body: paging } = await get('/public/you-said-we-did?limit=201&offset=-1', 400);
    expect(paging.message.join(' ')).toMatch(/limit/);
    expect(paging.message.join(' ')).toMatch(/offset/);
    await get('/public/you-said-we-did?limit=0', 400);
    await get('/public/you-said-we-did?limit=ten', 400);
    const { body: unknown } = await get('/public/you-said-we-did?status=resolved', 400);
    expect(unknown.message.join(' ')).toMatch(/status/);
  });

  it('serves anonymous callers, and staff too, but refuses a forged token', async () => {
    await get(`/public/issues/${path.reference}`, 200);
    await api.http.get(`/public/issues/${path.reference}`).set('Authorization', manager).expect(200);
    await api.http.get('/public/you-said-we-did').set('Authorization', 'Bearer not.a.token').expect(401);
  });

  it('never answers any personal data, though staff see it on the same issues', async () => {
    const { body: staffView } = await api.http.get(`/issues/${path.id}`).set('Authorization', manager).expect(200);
    expect(JSON.stringify(staffView)).toContain(NAME);
    expect(answers.length).toBeGreaterThan(10);
    const everything = JSON.stringify(answers);
    expect(everything).toContain(path.reference);
    for (const value of [...PERSONAL, 'officer-marchbanks', 'rang again', 'Cllr Smith', 'says it is back', 'the pothole was filled']) {
      expect(everything).not.toContain(value);
    }
  });
});
