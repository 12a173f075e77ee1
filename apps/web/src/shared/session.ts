/*
 * The console's sign-in: a bearer token pasted once, or handed over as `#token=...` (an OIDC
 * proxy redirecting after single sign-on, or a link an admin sends). It is kept in this tab's
 * sessionStorage only, and removed from the address bar at once so it never lands in history,
 * bookmarks or a screenshot.
 */

const TOKEN_KEY = 'issues.console.token';

/** Takes a `#token=` from the address (removing it), else the token this tab already holds. */
export function takeToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    const token = decodeURIComponent(match[1]);
    sessionStorage.setItem(TOKEN_KEY, token);
    const rest = location.hash.replace(/(^#|&)token=[^&]+/, '$1').replace(/^#&/, '#').replace(/&$/, '');
    history.replaceState(null, '', `${location.pathname}${location.search}${rest === '#' ? '' : rest}`);
    return token;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export function keepToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token.trim().replace(/^Bearer\s+/i, ''));
}

export function currentToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function forgetToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}
