/*
 * The console's pages, by the address's hash (`#/issues/<id>`): one shell at /console, so the
 * server serves one file and the back button, bookmarks and new tabs all work. Pure.
 */

export type Route =
  | { readonly page: 'queue' }
  | { readonly page: 'issue'; readonly issueId: string }
  | { readonly page: 'intake' }
  | { readonly page: 'audit'; readonly lookup: string | null };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const issue = /^\/issues\/([^/?#]+)$/.exec(path);
  if (issue) return { page: 'issue', issueId: decodeURIComponent(issue[1]) };
  if (path === '/intake') return { page: 'intake' };
  const audit = /^\/audit(?:\/([^/?#]+))?$/.exec(path);
  if (audit) return { page: 'audit', lookup: audit[1] ? decodeURIComponent(audit[1]) : null };
  return { page: 'queue' };
}

export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'queue':
      return '#/';
    case 'issue':
      return `#/issues/${encodeURIComponent(route.issueId)}`;
    case 'intake':
      return '#/intake';
    case 'audit':
      return route.lookup ? `#/audit/${encodeURIComponent(route.lookup)}` : '#/audit';
  }
}

export function navigate(route: Route): void {
  location.hash = hrefOf(route);
}
