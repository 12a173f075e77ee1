/** `access_token=` in a URL, however its name is percent-encoded (Express decodes `access%5Ftoken` too). */
const TOKEN_IN_URL = /([?&]access(?:_|%5F)token=)[^&#]*/gi;
const REDACTED = '[Redacted]';

interface LoggedRequest {
  readonly url?: string;
  readonly query?: unknown;
}

/**
 * For pino-http's `serializers.req`: the request as it is logged, without the bearer token a
 * browser's EventSource has to put in GET /events/stream's URL (`redact` already hides the
 * Authorization header). Any other request is logged as it is.
 */
export function withoutAccessToken<T extends LoggedRequest>(request: T): T {
  if (typeof request.url !== 'string') return request;
  const url = request.url.replace(TOKEN_IN_URL, `$1${REDACTED}`);
  if (url === request.url) return request;
  const query = request.query && typeof request.query === 'object' && 'access_token' in request.query ? { ...request.query, access_token: REDACTED } : request.query;
  return Object.assign(Object.create(Object.getPrototypeOf(request) as object) as T, request, { url, query });
}
