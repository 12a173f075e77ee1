import fc from 'fast-check';

/**
 * Values a hostile or careless client sends where a field is expected: the raw material every
 * mutation draws from. Strings cover what stores and drivers choke on (NUL, unpaired UTF-16
 * surrogates, invalid escapes, huge text) and what people really type (Welsh, emoji, RTL).
 */

/** Strings a store or a driver may not hold as sent, or may mangle. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'Pot\u0000hole',
    '\ud800',
    '\udfff',
    'a\ud83dz',
    'tail\ud83d',
    '\udc00head',
    '\ufffe\uffff',
    '\u200b\u200e\u202e',
    '\u0085\u2028\u2029',
    ' ',
    '\t\n\r',
    '',
    "'; DROP TABLE events; --",
    "' OR '1'='1",
    '" UNION SELECT name FROM personal_data_keys --',
    '%00%d8%00',
    '../../../../etc/passwd',
    '${jndi:ldap://x}',
    '{{7*7}}',
    '%s%s%s%n',
    '<script>alert(1)</script>',
    '__proto__',
    'constructor',
    'NaN',
    'null',
    '1e999',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)), minLength: 1, maxLength: 4 }),
  fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom('\u0000', '\ud800', '\udbff', '\udc00'), fc.string({ maxLength: 10 })).map((parts) => parts.join('')),
);

/** Text people really type, and lengths at and past every limit in the contract. */
export const oddString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  fc.constantFrom('Llanfair­pwllgwyngyll', 'Ysgol Gymraeg – ŵŷ', 'שלום', 'مرحبا', '🕳️🚧🚲', 'Zoë Ćirić', 'ＴＲＯＷ'),
  fc.constantFrom(2, 3, 40, 41, 64, 65, 200, 201, 500, 501, 2000, 2001, 5000, 5001, 20001, 70_000).chain((length) =>
    fc.constantFrom('x', 'é', '🚧', ' ').map((unit) => unit.repeat(length)),
  ),
);

/** Dates in every wrong shape, and right shapes at the edges (far past, far future, leap days). */
export const oddDate: fc.Arbitrary<string> = fc.constantFrom(
  '2026-02-30',
  '2025-02-29',
  '2024-02-29',
  '2026-13-01',
  '2026-00-10',
  '2026-01-01T25:00:00Z',
  '2026-01-01T23:59:60Z',
  '2026-01-01 10:00',
  '2026-1-1',
  '20260101',
  '2026-W05',
  '2026-001',
  '+275760-09-13T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '0000-01-01',
  '1970-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '2100-01-01',
  '2026-06-01T10:00:00+14:00',
  '2026-06-01T10:00:00-12:00',
  '2026-06-01T10:00:00.123456789Z',
  'yesterday',
  'Tue, 01 Jun 2026 10:00:00 GMT',
  '1717236000000',
  '',
);

/** Numbers where integers are expected: negative, fractional, huge, and not numbers at all. */
export const oddNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(-1, -0, 0, 0.5, 1.0000001, 2 ** 31, 2 ** 53, 2 ** 53 + 2, 1e21, 1e308, -1e308, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom('1', '0x10', '1e3', ' 1', '١', 'Infinity', '-0', ''),
);

/**
 * An array or object nested `depth` levels deep. Too deep for JSON.stringify's own stack, it is
 * serialised as a placeholder (`toJSON`) that `expandNesting` replaces by the nested text; fast-check
 * prints it by its size.
 */
export class DeepNesting {
  constructor(
    readonly kind: 'array' | 'object',
    readonly depth: number,
  ) {}

  toJSON(): string {
    return `\u0001nest:${this.kind}:${this.depth}\u0001`;
  }

  text(): string {
    const [open, close] = this.kind === 'array' ? ['[', ']'] : ['{"a":', '}'];
    return `${open.repeat(this.depth)}"bottom"${close.repeat(this.depth)}`;
  }

  [fc.toStringMethod](): string {
    return `${this.kind} nested ${this.depth} deep`;
  }
}

/** JSON text with every DeepNesting placeholder replaced by the nesting itself. */
export function expandNesting(json: string): string {
  return json.replace(/"\\u0001nest:(array|object):(\d+)\\u0001"/g, (_, kind: 'array' | 'object', depth: string) => new DeepNesting(kind, Number(depth)).text());
}

/** Arrays and objects nested deeper than any body needs (the contract bounds depth). */
export const deepNesting: fc.Arbitrary<unknown> = fc
  .record({ depth: fc.constantFrom(20, 64, 200, 2_000, 10_000), kind: fc.constantFrom('array' as const, 'object' as const) })
  .map(({ depth, kind }) => new DeepNesting(kind, depth));

/** Any JSON value, with the odd ones above mixed in. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: oddString },
  { weight: 2, arbitrary: oddNumber },
  { weight: 1, arbitrary: oddDate },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { $gt: '' }, JSON.parse('{"__proto__":{"admin":true}}') as unknown) },
  { weight: 1, arbitrary: fc.array(oddString, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(oddString, oddString, { maxKeys: 3 }) },
  { weight: 1, arbitrary: deepNesting },
);

/** Field names a body should not have, or should have only once. */
export const oddKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'version', 'status', 'reference', 'actor', 'recordedAt', 'role', 'admin', '', ' ', 'a\u0000b', '\ud800'),
  fc.string({ maxLength: 12 }),
);
