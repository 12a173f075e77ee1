/*
 * The console's pages, by the address's hash (`#/issues/<id>`): one shell at /console, so the
 * server serves one file and the back button, bookmarks and new tabs all work. The queue keeps
 * its filters in the hash too (`#/?status=logged&page=2`), so a filtered queue can be bookmarked
 * and Back returns to it. Pure.
 */

/** A query's parameters by name, as the address holds them (text; empty ones left out). */
export type RouteQuery = Readonly<Record<string, string>>;

export type Route =
  | { readonly page: 'queue'; readonly query?: RouteQuery }
  | { readonly page: 'issue'; readonly issueId: string }
  | { readonly page: 'intake' }
  | { readonly page: 'meetings' }
  | { readonly page: 'tasks' }
  | { readonly page: 'audit'; readonly lookup: string | null };

export function parseRoute(hash: string): Route {
  const [path, search = ''] = hash.replace(/^#/, '').split(/\?(.*)/s);
  const issue = /^\/issues\/([^/?#]+)$/.exec(path);
  if (issue) return { page: 'issue', issueId: decodeURIComponent(issue[1]) };
  if (path === '/intake') return { page: 'intake' };
  if (path === '/meetings') return { page: 'meetings' };
  if (path === '/tasks') return { page: 'tasks' };
  const audit = /^\/audit(?:\/([^/?#]+))?$/.exec(path);
  if (audit) return { page: 'audit', lookup: audit[1] ? decodeURIComponent(audit[1]) : null };
  const query: Record<string, string> = {};
  if (path === '' || path === '/') for (const [name, value] of new URLSearchParams(search)) if (value !== '') query[name] = value;
  return { page: 'queue', query };
}

export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'queue': {
      const search = new URLSearchParams(Object.entries(route.query ?? {}).filter(([, value]) => value !== '')).toString();
      return search === '' ? '#/' : `#/?${search}`;
    }
    case 'issue':
      return `#/issues/${encodeURIComponent(route.issueId)}`;
    case 'intake':
      return '#/intake';
    case 'meetings':
      return '#/meetings';
    case 'tasks':
      return '#/tasks';
    case 'audit':
      return route.lookup ? `#/audit/${encodeURIComponent(route.lookup)}` : '#/audit';
  }
}

export function navigate(route: Route): void {
  location.hash = hrefOf(route);
}
