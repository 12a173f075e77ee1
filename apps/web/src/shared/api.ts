/*
 * The pages' one way to the API: same origin, JSON in and out, the bearer token when signed in.
 * Every answer that is not 2xx becomes an ApiError carrying the contract's error body
 * (`statusCode`, `error`, `message`, and for 409 `currentVersion`, for 422 `status` and
 * `allowedCommands`), so a page can say plainly what happened.
 */

/** The contract's error body (API.md, "Errors"); the extra fields come with 409 and 422. */
export interface ErrorBody {
  readonly statusCode: number;
  readonly error?: string;
  readonly message?: string | string[];
  readonly currentVersion?: number;
  readonly status?: string;
  readonly allowedCommands?: readonly string[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(messageOf(status, body));
    this.name = 'ApiError';
  }
}

/** The error's message in one line: the contract's `message` (joined when it is a list). */
export function messageOf(status: number, body: Partial<ErrorBody>): string {
  const message = Array.isArray(body.message) ? body.message.join('; ') : body.message;
  return message && message.trim() !== '' ? message : `the server answered ${status}${body.error ? ` ${body.error}` : ''}`;
}

export type Query = Readonly<Record<string, string | number | boolean | undefined | null>>;

/** `path?query`, leaving out empty values. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}

export interface PostOptions {
  /** Sent as `Idempotency-Key`: the same key again returns the first answer and records nothing twice. */
  readonly idempotencyKey?: string;
}

export interface ApiClient {
  get<T>(path: string, query?: Query): Promise<T>;
  post<T>(path: string, body: unknown, options?: PostOptions): Promise<T>;
  /** A file (a letter's PDF) read with the token, for a page to open as a blob: URL. */
  file(path: string): Promise<Blob>;
}

/**
 * A client that sends `token()` (when there is one) as the bearer token. `onUnauthorized` hears
 * of every 401 of a signed-in request (an expired or revoked token), before the error is thrown.
 */
export function apiClient(token: () => string | null = () => null, onUnauthorized?: (error: ApiError) => void): ApiClient {
  async function send<T>(method: 'GET' | 'POST', path: string, body?: unknown, options: PostOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const bearer = token();
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    let response: Response;
    try {
      response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
    } catch {
      throw new ApiError(0, { statusCode: 0, error: 'Network error', message: 'the server could not be reached: check the connection and try again' });
    }
    const text = await response.text();
    let parsed: unknown = undefined;
    if (text !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
    }
    if (!response.ok) {
      const errorBody = typeof parsed === 'object' && parsed !== null ? (parsed as ErrorBody) : { statusCode: response.status, message: text.slice(0, 200) };
      const error = new ApiError(response.status, errorBody);
      if (response.status === 401 && bearer) onUnauthorized?.(error);
      throw error;
    }
    return parsed as T;
  }
  async function file(path: string): Promise<Blob> {
    const bearer = token();
    let response: Response;
    try {
      response = await fetch(path, { headers: { Accept: '*/*', ...(bearer && { Authorization: `Bearer ${bearer}` }) }, cache: 'no-store' });
    } catch {
      throw new ApiError(0, { statusCode: 0, error: 'Network error', message: 'the server could not be reached: check the connection and try again' });
    }
    if (response.ok) return response.blob();
    // Errors come as JSON, as from every other route.
    const text = await response.text();
    let errorBody: ErrorBody = { statusCode: response.status, message: text.slice(0, 200) };
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null) errorBody = parsed as ErrorBody;
    } catch {
      // Not JSON: the text itself says what went wrong.
    }
    const error = new ApiError(response.status, errorBody);
    if (response.status === 401 && bearer) onUnauthorized?.(error);
    throw error;
  }
  return {
    get: <T>(path: string, query?: Query) => send<T>('GET', withQuery(path, query)),
    post: <T>(path: string, body: unknown, options?: PostOptions) => send<T>('POST', path, body, options),
    file,
  };
}

/** A fresh key for one submission (kept across its retries, never reused for another). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
