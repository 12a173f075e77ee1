import fc from 'fast-check';
import { sign } from 'jsonwebtoken';
import { bearer, JWT_SECRET } from '../../support/testApp';
import { DeepNesting, deepNesting, hostileString, oddKey, oddString, oddValue } from './oddValues';
import type { Caller } from './validRequests';

/**
 * How a valid request is spoilt: each mutation is data (so fast-check can print and shrink it),
 * applied when the request is rendered. Weights keep most requests close to valid, so the odd
 * part meets code past the first check.
 */

// ---- the JSON body -------------------------------------------------------------------------

export type BodyMutation =
  | { readonly op: 'drop'; readonly pick: number }
  | { readonly op: 'add'; readonly pick: number; readonly key: string; readonly value: unknown }
  | { readonly op: 'replace'; readonly pick: number; readonly value: unknown }
  | { readonly op: 'whole'; readonly value: unknown };

export const bodyMutation: fc.Arbitrary<BodyMutation> = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('add' as const), pick: fc.nat(), key: oddKey, value: oddValue }),
  { weight: 3, arbitrary: fc.record({ op: fc.constant('replace' as const), pick: fc.nat(), value: oddValue }) },
  fc.record({ op: fc.constant('whole' as const), value: fc.oneof(oddValue, deepNesting) }),
);

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof DeepNesting);
/** Sets a field as an own property, even one named `__proto__`. */
const setField = (target: Json | unknown[], key: string | number, value: unknown) =>
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });

const MAX_DEPTH = 6;

/** Every (container, key) in the body down to nested objects and arrays, so a mutation can reach `raisedBy.email`. */
function slots(value: unknown, depth = 0, found: Array<[Json | unknown[], string | number]> = []): Array<[Json | unknown[], string | number]> {
  if (depth > MAX_DEPTH) return found;
  const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((inner, index) => [index, inner]) : isObject(value) ? Object.entries(value) : [];
  for (const [key, inner] of entries) {
    found.push([value as Json | unknown[], key]);
    slots(inner, depth + 1, found);
  }
  return found;
}

/** Every object in the body (itself included), where a field can be added. */
function objectsIn(value: unknown): Json[] {
  const nested = slots(value).map(([container, key]) => (container as Json)[key as string]);
  return [value, ...nested].filter(isObject);
}

/** A copy, so that no mutation changes a value fast-check may hand out again; deep nestings stay one value. */
function copy(value: unknown): unknown {
  if (value instanceof DeepNesting) return value;
  if (Array.isArray(value)) return value.map(copy);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, copy(inner)]));
  return value;
}

export function mutateBody(body: unknown, mutations: readonly BodyMutation[]): unknown {
  let result: unknown = copy(body);
  for (const mutation of mutations) {
    if (mutation.op === 'whole') {
      result = copy(mutation.value);
      continue;
    }
    if (mutation.op === 'add') {
      const targets = objectsIn(result);
      if (targets.length > 0) setField(targets[mutation.pick % targets.length], mutation.key, copy(mutation.value));
      continue;
    }
    const places = slots(result);
    if (places.length === 0) continue;
    const [container, key] = places[mutation.pick % places.length];
    if (mutation.op === 'drop') {
      if (Array.isArray(container)) container.splice(key as number, 1);
      else delete container[key as string];
    } else {
      setField(container, key, copy(mutation.value));
    }
  }
  return result;
}

// ---- the bytes on the wire -----------------------------------------------------------------

export type WireMutation =
  | { readonly op: 'none' }
  | { readonly op: 'truncate'; readonly at: number }
  | { readonly op: 'append'; readonly text: string }
  | { readonly op: 'bom' }
  | { readonly op: 'replace'; readonly text: string }
  | { readonly op: 'badUtf8'; readonly at: number; readonly bytes: readonly number[] }
  | { readonly op: 'duplicateKey'; readonly key: string; readonly json: string };

export const wireMutation: fc.Arbitrary<WireMutation> = fc.oneof(
  { weight: 12, arbitrary: fc.constant({ op: 'none' as const }) },
  fc.record({ op: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ op: fc.constant('append' as const), text: fc.constantFrom('}', ',', ']', ' garbage', '\u0000', '{"a":1}', '\n{}', '/* c */') }),
  fc.constant({ op: 'bom' as const }),
  fc.record({
    op: fc.constant('replace' as const),
    text: fc.constantFrom(
      '',
      ' ',
      'null',
      'true',
      '0',
      '"text"',
      '[]',
      '{',
      "{'title':'x'}",
      '{"title":"x",}',
      'NaN',
      '{"expectedVersion":01}',
      '{"expectedVersion":1e400}',
      '{"expectedVersion":-0}',
      '{"title":"\\ud800\\ud800\\ud800"}',
      '{"title":"\\u0000"}',
      '{"title":"\\x41"}',
      '{"title":"\\uZZZZ"}',
      '{"__proto__":{"role":"admin"}}',
      '{"constructor":{"prototype":{"admin":true}}}',
      '[' .repeat(5_000),
      '{"a":'.repeat(3_000),
    ),
  }),
  fc.record({
    op: fc.constant('badUtf8' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    bytes: fc.constantFrom([0xff], [0xfe, 0xff], [0xed, 0xa0, 0x80], [0xc0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0x00]),
  }),
  fc.record({ op: fc.constant('duplicateKey' as const), key: fc.constantFrom('expectedVersion', 'title', 'channel', 'raisedBy'), json: fc.constantFrom('-1', '"x"', 'null', '{}') }),
);

export function onTheWire(text: string, mutation: WireMutation): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  switch (mutation.op) {
    case 'none':
      return bytes;
    case 'truncate':
      return bytes.subarray(0, Math.floor(bytes.length * mutation.at));
    case 'append':
      return Buffer.concat([bytes, Buffer.from(mutation.text, 'utf8')]);
    case 'bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    case 'replace':
      return Buffer.from(mutation.text, 'utf8');
    case 'badUtf8': {
      // Inside a string value where there is one, so the JSON stays well-formed around the bad bytes.
      const quote = text.indexOf('"', Math.floor(text.length * mutation.at));
      const at = quote >= 0 ? Buffer.byteLength(text.slice(0, quote + 1)) : bytes.length;
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(mutation.bytes), bytes.subarray(at)]);
    }
    case 'duplicateKey':
      return text.startsWith('{') ? Buffer.from(`{"${mutation.key}":${mutation.json},${text.slice(1)}`, 'utf8') : bytes;
  }
}

// ---- the path and the query ----------------------------------------------------------------

/** Percent-encodes any string, lone surrogates included (as the bytes a careless client would send). */
export function encodeAny(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value]
      .map((char) => {
        const code = char.charCodeAt(0);
        if (char.length === 1 && code >= 0xd800 && code <= 0xdfff) {
          return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
        }
        return encodeURIComponent(char);
      })
      .join('');
  }
}

/** A path segment as sent: odd text encoded, or raw escapes no client should send. */
export const oddSegment: fc.Arbitrary<string> = fc.oneof(
  oddString.map(encodeAny),
  hostileString.map(encodeAny),
  fc.constantFrom('%00', '%', '%ZZ', '%D8%00', '%ED%A0%80', '%C0%AE%C0%AE', '%FF', '..', '.', '%2e%2e', '%2F', 'x'.repeat(8_000), 'TROW-2026-00001%00', '00000000-0000-0000-0000-000000000000', '-1', '9'.repeat(40)),
);

export type QueryMutation =
  | { readonly op: 'none' }
  | { readonly op: 'extra'; readonly key: string; readonly value: string }
  | { readonly op: 'replace'; readonly pick: number; readonly value: string }
  | { readonly op: 'repeat'; readonly pick: number }
  | { readonly op: 'raw'; readonly text: string };

export const queryMutation: fc.Arbitrary<QueryMutation> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ op: 'none' as const }) },
  fc.record({ op: fc.constant('extra' as const), key: fc.oneof(oddKey.map(encodeAny), fc.constantFrom('status', 'page', 'at', 'anchor', 'format', 'quarters', 'limit', 'access_token')), value: oddSegment }),
  { weight: 2, arbitrary: fc.record({ op: fc.constant('replace' as const), pick: fc.nat(), value: fc.oneof(oddSegment, fc.constantFrom('-1', '0', '1e400', '1.5', '201', '99999999999999999999', 'true', '')) }) },
  fc.record({ op: fc.constant('repeat' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('raw' as const), text: fc.constantFrom('%', '&&&=', '=x', 'a[b]=c', 'a[]=1&a[]=2', '__proto__[admin]=1', 'page=%00', 'q=%ED%A0%80', 'from=%FF', 'x'.repeat(9_000) + '=1') }),
);

export function renderQuery(query: Record<string, string>, mutation: QueryMutation): string {
  const pairs = Object.entries(query).map(([key, value]) => [encodeAny(key), encodeAny(value)]);
  if (mutation.op === 'extra') pairs.push([mutation.key, mutation.value]);
  if (mutation.op === 'replace' && pairs.length > 0) pairs[mutation.pick % pairs.length][1] = mutation.value;
  if (mutation.op === 'repeat' && pairs.length > 0) pairs.push([...pairs[mutation.pick % pairs.length]]);
  const parts = pairs.map(([key, value]) => `${key}=${value}`);
  if (mutation.op === 'raw') parts.push(mutation.text);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

// ---- the headers ---------------------------------------------------------------------------

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claims = { sub: 'fuzz', name: 'Fuzz', role: 'admin', areas: ['*'] };
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

/** Authorization values that must not let anyone in (or not further than their role). */
const oddAuthorization: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    'Bearer',
    'Bearer ',
    'Bearer garbage',
    'Bearer a.b.c',
    'Basic YWRtaW46YWRtaW4=',
    'bearer x.y.z',
    `Bearer ${'A'.repeat(9_000)}`,
    'Bearer \u00e9\u00e8',
    bearer('viewer'),
    bearer('auditor'),
    bearer('areaManager', ['amesbury']),
    bearer('officer', []),
  ),
  fc.constant(null).map(() => `Bearer ${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...claims, exp: inAnHour() })}.`),
  fc.constant(null).map(() => `Bearer ${sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, JWT_SECRET)}`),
  fc.constant(null).map(() => `Bearer ${sign(claims, JWT_SECRET)}`),
  fc.constant(null).map(() => `Bearer ${sign({ ...claims, exp: inAnHour() }, 'not-the-secret')}`),
  fc.constantFrom({ role: 'superuser' }, { areas: 'trowbridge' }, { areas: [{}] }, { sub: 42 }, { name: '\u0000' }, { role: null }).map(
    (odd) => `Bearer ${sign({ ...claims, exp: inAnHour(), ...odd }, JWT_SECRET)}`,
  ),
);

export type AuthChoice = { readonly kind: 'valid' } | { readonly kind: 'none' } | { readonly kind: 'odd'; readonly value: string };
export const authChoice: fc.Arbitrary<AuthChoice> = fc.oneof(
  { weight: 8, arbitrary: fc.constant({ kind: 'valid' as const }) },
  fc.constant({ kind: 'none' as const }),
  { weight: 2, arbitrary: oddAuthorization.map((value) => ({ kind: 'odd' as const, value })) },
);

export function authorizationFor(caller: Caller, choice: AuthChoice): string | undefined {
  if (choice.kind === 'odd') return choice.value;
  if (choice.kind === 'none' || caller === 'anonymous') return undefined;
  return bearer(caller, caller === 'admin' || caller === 'auditor' || caller === 'viewer' ? ['*'] : ['trowbridge']);
}

/** Header values node will send (visible Latin-1, no CR/LF), odd for the header they go in. */
const headerText = fc.oneof(
  fc.constantFrom('', ' ', 'x'.repeat(8_000), '\u00e9t\u00e9', 'a\tb', '*/*;q=abc', 'null', '-1', '1e400', '../../x', 'Ä'.repeat(40)),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).filter((code) => code < 0x7f || code > 0x9f).map((code) => String.fromCharCode(code)), maxLength: 40 }),
);

export type HeaderChoice = Readonly<Record<string, string | string[]>>;

/** Content types: right, missing, wrong, malformed, or with a charset the server cannot read. */
export const contentTypeChoice: fc.Arbitrary<string | null | 'valid'> = fc.oneof(
  { weight: 10, arbitrary: fc.constant('valid' as const) },
  fc.constant(null),
  fc.constantFrom(
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    'application/json; charset=latin1',
    'application/json; charset=utf-16',
    'application/json; charset="utf-8"',
    'application/merge-patch+json',
    'application/x-ndjson',
    ';;;',
    'application/json, text/html',
    'APPLICATION/JSON',
  ),
);

/** Other headers: idempotency keys of every wrong shape, encodings the body does not have, odd negotiation. */
export const extraHeaders: fc.Arbitrary<HeaderChoice> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({}) },
  fc.record({ 'idempotency-key': fc.oneof(fc.uuid(), headerText, fc.constant('k'.repeat(256))) }),
  fc.record({ 'idempotency-key': fc.tuple(fc.uuid(), fc.uuid()).map(([a, b]) => [a, b]) }),
  fc.record({ 'content-encoding': fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-unknown', 'gzip, gzip') }),
  fc.record({ accept: headerText }),
  fc.record({ 'accept-language': headerText }),
  fc.record({ 'x-forwarded-for': fc.oneof(headerText, fc.constantFrom('1.2.3.4, 5.6.7.8', '::1', 'unknown')) }),
  fc.record({ 'last-event-id': fc.oneof(headerText, fc.constantFrom('-1', '0', '99999999999', '1:2:3')) }),
  fc.record({ origin: fc.constantFrom('https://evil.example', 'null', 'http://localhost:3000') }),
  fc.record({ 'x-http-method-override': fc.constantFrom('DELETE', 'PUT') }),
);
