import { createHmac, generateKeyPairSync } from 'node:crypto';
import { UnauthorizedException } from '@nestjs/common';
import { sign } from 'jsonwebtoken';
import { authenticate, CLOCK_SKEW_SECONDS } from './authenticate';
import { mintToken } from './token';

const SECRET = 'unit-secret';
const claims = { sub: 'u-1', name: 'Una', role: 'officer' as const, areas: ['trowbridge'] };

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A token with any header and payload, HMAC-SHA256-signed with `key`: what an attacker crafts by hand (no library checks). */
const handMade = (header: Record<string, unknown>, payload: Record<string, unknown>, key: string) => {
  const unsigned = `${base64url(header)}.${base64url(payload)}`;
  return `${unsigned}.${createHmac('sha256', key).update(unsigned).digest('base64url')}`;
};

describe('authenticate', () => {
  it('treats a request without Authorization as anonymous', () => {
    expect(authenticate(undefined, SECRET)).toEqual({ kind: 'anonymous' });
  });

  it('reads the staff member, role and areas from a valid token', () => {
    expect(authenticate(`Bearer ${mintToken(SECRET, claims)}`, SECRET)).toEqual({ kind: 'staff', id: 'u-1', role: 'officer', areas: ['trowbridge'], name: 'Una' });
  });

  it.each([
    ['another scheme', 'Basic abc'],
    ['a token signed with another secret', `Bearer ${mintToken('other', claims)}`],
    ['an expired token', `Bearer ${sign({ ...claims, exp: 1 }, SECRET)}`],
    ['a token without exp (it would never expire)', `Bearer ${sign(claims, SECRET, { algorithm: 'HS256' })}`],
    ['an unsigned token', `Bearer ${sign(claims, '', { algorithm: 'none' })}`],
    ['an unknown role', `Bearer ${sign({ ...claims, role: 'mayor' }, SECRET)}`],
    ['no sub', `Bearer ${sign({ ...claims, sub: undefined }, SECRET)}`],
    ['areas that are not a list', `Bearer ${sign({ ...claims, areas: '*' }, SECRET)}`],
  ])('refuses %s with 401', (_, header) => {
    expect(() => authenticate(header, SECRET)).toThrow(UnauthorizedException);
  });

  describe('algorithm pinned to HS256', () => {
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();

    it('accepts the hand-made HS256 token (so the refusals below are about the algorithm alone)', () => {
      expect(authenticate(`Bearer ${handMade({ alg: 'HS256', typ: 'JWT' }, { ...claims, exp }, SECRET)}`, SECRET)).toMatchObject({ kind: 'staff', role: 'officer' });
    });

    it.each([
      ['alg none with an empty signature', `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...claims, exp })}.`],
      ['alg None (case games)', `${base64url({ alg: 'None', typ: 'JWT' })}.${base64url({ ...claims, exp })}.`],
      ['HS384 with the right secret', sign({ ...claims, exp }, SECRET, { algorithm: 'HS384' })],
      ['HS512 with the right secret', sign({ ...claims, exp }, SECRET, { algorithm: 'HS512' })],
      ['RS256 signed with an RSA key', sign({ ...claims, exp }, privateKey, { algorithm: 'RS256' })],
      ['RS256 in the header, HMAC-signed with the secret (key confusion)', handMade({ alg: 'RS256', typ: 'JWT' }, { ...claims, exp }, SECRET)],
      ['RS256 in the header, HMAC-signed with a public key (key confusion)', handMade({ alg: 'RS256', typ: 'JWT' }, { ...claims, exp }, publicPem)],
      ['no alg in the header', handMade({ typ: 'JWT' }, { ...claims, exp }, SECRET)],
    ])('refuses %s with 401', (_, token) => {
      expect(() => authenticate(`Bearer ${token}`, SECRET)).toThrow(UnauthorizedException);
    });
  });

  describe(`clock skew bounded to ${CLOCK_SKEW_SECONDS} s`, () => {
    const NOW = new Date('2026-06-01T12:00:00Z');
    const now = Math.floor(NOW.getTime() / 1000);
    const at = (times: Record<string, unknown>) => `Bearer ${handMade({ alg: 'HS256', typ: 'JWT' }, { ...claims, ...times }, SECRET)}`;
    const skew = CLOCK_SKEW_SECONDS;

    it.each([
      ['expired within the skew', { iat: now - 3600, exp: now - skew + 1 }],
      ['not yet valid (nbf) within the skew', { iat: now, nbf: now + skew - 1, exp: now + 3600 }],
      ['issued (iat) in the future within the skew', { iat: now + skew, exp: now + 3600 }],
      ['without iat', { exp: now + 60 }],
    ])('accepts a token %s', (_, times) => {
      expect(authenticate(at(times), SECRET, NOW)).toMatchObject({ kind: 'staff', id: 'u-1' });
    });

    it.each([
      ['expired beyond the skew', { iat: now - 3600, exp: now - skew }],
      ['not yet valid (nbf) beyond the skew', { iat: now, nbf: now + skew + 1, exp: now + 3600 }],
      ['issued (iat) in the future beyond the skew', { iat: now + skew + 1, exp: now + 3600 }],
      ['with a non-numeric exp', { exp: `${now + 3600}` }],
      ['with a non-numeric iat', { iat: 'yesterday', exp: now + 3600 }],
    ])('refuses a token %s with 401', (_, times) => {
      expect(() => authenticate(at(times), SECRET, NOW)).toThrow(UnauthorizedException);
    });
  });

  describe('malformed claims', () => {
    const withClaims = (overrides: Record<string, unknown>) => `Bearer ${sign({ ...claims, ...overrides }, SECRET, { algorithm: 'HS256', expiresIn: 60 })}`;

    it.each([
      ['a role of another case', { role: 'Admin' }],
      ['a role given as a list', { role: ['admin'] }],
      ['a role inherited from Object.prototype', { role: 'constructor' }],
      ['no role', { role: undefined }],
      ['areas holding a number', { areas: ['trowbridge', 7] }],
      ['areas holding an empty id', { areas: [''] }],
      ['areas as an object', { areas: { 0: 'trowbridge' } }],
      ['no areas', { areas: undefined }],
      ['a sub that is a number', { sub: 42 }],
      ['an empty sub', { sub: '' }],
      ['a name that is not text', { name: { first: 'Una' } }],
    ])('refuses %s with 401', (_, overrides) => {
      expect(() => authenticate(withClaims(overrides), SECRET)).toThrow(UnauthorizedException);
    });

    it('refuses a token whose payload is a bare string', () => {
      expect(() => authenticate(`Bearer ${sign('just text', SECRET, { algorithm: 'HS256' })}`, SECRET)).toThrow(UnauthorizedException);
    });
  });

  it('mints tokens that expire, by default 12 hours after they are issued', () => {
    const [, payload] = mintToken(SECRET, claims).split('.');
    const { iat, exp } = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { iat: number; exp: number };
    expect(exp - iat).toBe(12 * 60 * 60);
  });
});
