import { parseCorsOrigins, parseTrustProxy } from './securitySettings';

describe('CORS_ORIGINS', () => {
  it('is closed (no origins) when unset or blank', () => {
    const problems: string[] = [];
    expect(parseCorsOrigins(undefined, problems)).toEqual([]);
    expect(parseCorsOrigins(' , ', problems)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('reads a comma list of origins, and * for any', () => {
    const problems: string[] = [];
    expect(parseCorsOrigins('https://council.example, http://localhost:8080', problems)).toEqual(['https://council.example', 'http://localhost:8080']);
    expect(parseCorsOrigins('*', problems)).toEqual(['*']);
    expect(problems).toEqual([]);
  });

  it.each(['council.example', 'https://council.example/', 'https://council.example/path', 'ftp://council.example', 'https://*.example'])(
    'refuses %s, which no browser sends as an Origin',
    (origin) => {
      const problems: string[] = [];
      parseCorsOrigins(origin, problems);
      expect(problems).toEqual([expect.stringContaining(`CORS_ORIGINS must be`)]);
    },
  );
});

describe('TRUST_PROXY', () => {
  it.each([undefined, '', 'off', 'false', '0'])('is off for %p', (raw) => {
    const problems: string[] = [];
    expect(parseTrustProxy(raw, problems)).toBe(0);
    expect(problems).toEqual([]);
  });

  it('counts hops of reverse proxies', () => {
    const problems: string[] = [];
    expect(parseTrustProxy('1', problems)).toBe(1);
    expect(parseTrustProxy(' 2 ', problems)).toBe(2);
    expect(problems).toEqual([]);
  });

  it.each(['true', '-1', '1.5', '11', 'loopback', '10.0.0.0/8'])('refuses %p (hops only: trusting every proxy would let callers choose their address)', (raw) => {
    const problems: string[] = [];
    parseTrustProxy(raw, problems);
    expect(problems).toEqual([expect.stringContaining('TRUST_PROXY must be')]);
  });
});
