import { hrefOf, parseRoute, type Route } from './route';

describe("the console's hash routes", () => {
  it('reads each page from the hash', () => {
    expect(parseRoute('')).toEqual({ page: 'queue', query: {} });
    expect(parseRoute('#/')).toEqual({ page: 'queue', query: {} });
    expect(parseRoute('#/issues/abc-123')).toEqual({ page: 'issue', issueId: 'abc-123' });
    expect(parseRoute('#/issues/TROW%2F1')).toEqual({ page: 'issue', issueId: 'TROW/1' });
    expect(parseRoute('#/intake')).toEqual({ page: 'intake' });
    expect(parseRoute('#/meetings')).toEqual({ page: 'meetings' });
    expect(parseRoute('#/tasks')).toEqual({ page: 'tasks' });
    expect(parseRoute('#/audit')).toEqual({ page: 'audit', lookup: null });
    expect(parseRoute('#/audit/TROW-2026-00042')).toEqual({ page: 'audit', lookup: 'TROW-2026-00042' });
  });

  it("reads the queue's filters from the hash's query, leaving out empty ones", () => {
    expect(parseRoute('#/?status=logged&page=2&q=')).toEqual({ page: 'queue', query: { status: 'logged', page: '2' } });
    expect(parseRoute('#/?q=pot%20hole%3F&sort=newest')).toEqual({ page: 'queue', query: { q: 'pot hole?', sort: 'newest' } });
  });

  it('sends an unknown address to the queue without filters', () => {
    expect(parseRoute('#/nowhere?status=logged')).toEqual({ page: 'queue', query: {} });
    expect(parseRoute('#/issues/a/b')).toEqual({ page: 'queue', query: {} });
  });

  it('writes the address of every route, which reads back as the same route', () => {
    const routes: Route[] = [
      { page: 'queue', query: {} },
      { page: 'queue', query: { status: 'boardReview', q: 'a&b=c d', page: '3' } },
      { page: 'issue', issueId: 'id with/slash' },
      { page: 'intake' },
      { page: 'meetings' },
      { page: 'tasks' },
      { page: 'audit', lookup: null },
      { page: 'audit', lookup: 'TROW-2026-00042' },
    ];
    for (const route of routes) expect(parseRoute(hrefOf(route))).toEqual(route);
  });

  it('writes the queue without filters as #/, and leaves empty filters out', () => {
    expect(hrefOf({ page: 'queue' })).toBe('#/');
    expect(hrefOf({ page: 'queue', query: { status: '', page: '2' } })).toBe('#/?page=2');
    expect(hrefOf({ page: 'queue', query: { q: 'pot hole' } })).toBe('#/?q=pot+hole');
  });
});
