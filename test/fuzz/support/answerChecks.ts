import type { RawAnswer, RawRequest } from './rawHttp';

/**
 * What must never be in an answer: the server's insides. Each pattern names what it catches.
 * A pattern the request itself matches is not held against the answer (a message may quote a
 * bad value back: `at must be an ISO 8601 date, got SELECT`).
 */
export const LEAKS: ReadonlyArray<readonly [string, RegExp]> = [
  ['a stack frame', /\bat (?:async )?(?:new )?[\w$.<>[\]]+ \(|\bat (?:file:\/\/)?\/?[\w./-]+\.(?:js|ts|mjs|cjs):\d+|\n\s+at \S/],
  ['a source path', /node_modules|\/(?:work|home|usr|app)\/\S+\.(?:js|ts)\b|dist\/apps\//],
  ['SQL', /\b(?:SELECT|INSERT\s+INTO|UPDATE\s+\S+\s+SET|DELETE\s+FROM|ON CONFLICT|RETURNING)\b/],
  ['a driver error', /QueryFailedError|SqliteError|SQLITE_[A-Z]+|DatabaseError|ECONNREFUSED|\bpg_[a-z_]+\b/],
  [
    'PostgreSQL error text',
    /invalid input syntax|invalid byte sequence|unsupported Unicode escape sequence|violates (?:unique|foreign key|check|not-null) constraint|syntax error at or near|relation "[^"]*" does not exist|duplicate key value|column "[^"]*" does not exist|\\u0000 cannot be converted/i,
  ],
  ['an internal exception name', /\b(?:TypeError|RangeError|ReferenceError|SyntaxError: Unexpected|Cannot read propert(?:y|ies) of)\b/],
];

/** Routes whose errors follow another specification's shape (Open311: an array of `{code, description}`), or are pages. */
const OWN_ERROR_SHAPE = /^\/(?:open311)\//;

export function requestText(raw: RawRequest): string {
  let path = raw.path;
  try {
    path = decodeURIComponent(raw.path);
  } catch {
    // a malformed escape: keep it as sent
  }
  return [raw.path, path, JSON.stringify(raw.headers), raw.body?.toString('utf8') ?? ''].join('\n');
}

/** Every way the answer breaks the pass criteria; empty when it is sound. */
export function problemsWith(raw: RawRequest, answer: RawAnswer): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`answered ${answer.status}`);
  if (answer.status < 100) problems.push('no status');
  if (answer.status < 400) return problems;
  const sent = requestText(raw);
  for (const [what, pattern] of LEAKS) {
    if (pattern.test(answer.text) && !pattern.test(sent)) problems.push(`the error shows ${what}`);
  }
  // Node's own HTTP parser answers headers past its 16 KB limit with a bare 431, before any app code runs.
  const bareNodeAnswer = answer.status === 431 && answer.text === '';
  if (!OWN_ERROR_SHAPE.test(raw.path) && raw.method !== 'HEAD' && !bareNodeAnswer) {
    let body: unknown;
    try {
      body = JSON.parse(answer.text);
    } catch {
      problems.push('the error is not JSON');
    }
    if (body !== undefined) {
      const error = body as { statusCode?: unknown; error?: unknown; message?: unknown };
      if (error.statusCode !== answer.status) problems.push(`the error's statusCode ${String(error.statusCode)} is not the status`);
      if (typeof error.message !== 'string' && !Array.isArray(error.message)) problems.push('the error has no message');
    }
  }
  return problems;
}

/** A short, printable account of a request for a failure message (bodies cut, binary shown escaped). */
export function accountOf(raw: RawRequest, answer?: RawAnswer): string {
  const body = raw.body ? JSON.stringify(raw.body.toString('utf8').slice(0, 1_500)) : '(none)';
  const headers = JSON.stringify(raw.headers).slice(0, 600);
  const said = answer ? `\n  -> ${answer.status} ${answer.text.slice(0, 600)}` : '';
  return `${raw.method} ${raw.path.slice(0, 300)}\n  headers ${headers}\n  body ${body}${said}`;
}
