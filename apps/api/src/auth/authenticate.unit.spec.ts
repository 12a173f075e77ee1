import { UnauthorizedException } from '@nestjs/common';
import { sign } from 'jsonwebtoken';
import { authenticate } from './authenticate';
import { mintToken } from './token';

const SECRET = 'unit-secret';
const claims = { sub: 'u-1', name: 'Una', role: 'officer' as const, areas: ['trowbridge'] };

describe('authenticate', () => {
  it('treats a request without Authorization as anonymous', () => {
    expect(authenticate(undefined, SECRET)).toEqual({ kind: 'anonymous' });
  });

  it('reads the staff member, role and areas from a valid token', () => {
    expect(authenticate(`Bearer ${mintToken(SECRET, claims)}`, SECRET)).toEqual({ kind: 'staff', id: 'u-1', role: 'officer', areas: ['trowbridge'] });
  });

  it.each([
    ['another scheme', 'Basic abc'],
    ['a token signed with another secret', `Bearer ${mintToken('other', claims)}`],
    ['an expired token', `Bearer ${sign({ ...claims, exp: 1 }, SECRET)}`],
    ['an unsigned token', `Bearer ${sign(claims, '', { algorithm: 'none' })}`],
    ['an unknown role', `Bearer ${sign({ ...claims, role: 'mayor' }, SECRET)}`],
    ['no sub', `Bearer ${sign({ ...claims, sub: undefined }, SECRET)}`],
    ['areas that are not a list', `Bearer ${sign({ ...claims, areas: '*' }, SECRET)}`],
  ])('refuses %s with 401', (_, header) => {
    expect(() => authenticate(header, SECRET)).toThrow(UnauthorizedException);
  });
});
