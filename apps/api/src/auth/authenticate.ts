import { UnauthorizedException } from '@nestjs/common';
import { verify } from 'jsonwebtoken';
import { ANONYMOUS, type Actor, ROLES, type Role } from '@app/lifecycle';

/**
 * The actor behind an Authorization header: anonymous without one; staff for a valid HS256
 * bearer token with well-formed claims; otherwise 401.
 */
export function authenticate(header: string | undefined, secret: string): Actor {
  if (header === undefined) return ANONYMOUS;
  const match = /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(header.trim());
  if (!match) throw new UnauthorizedException('Authorization must be "Bearer <token>"');
  let claims: Record<string, unknown>;
  try {
    claims = verify(match[1], secret, { algorithms: ['HS256'] }) as Record<string, unknown>;
  } catch (error) {
    throw new UnauthorizedException(`invalid token: ${(error as Error).message}`);
  }
  const { sub, role, areas } = claims;
  if (typeof sub !== 'string' || sub === '') throw new UnauthorizedException('token has no sub claim');
  if (!ROLES.includes(role as Role)) throw new UnauthorizedException(`token role must be one of ${ROLES.join(', ')}`);
  if (!Array.isArray(areas) || !areas.every((area) => typeof area === 'string')) {
    throw new UnauthorizedException('token areas claim must be an array of area ids');
  }
  return { kind: 'staff', id: sub, role: role as Role, areas };
}
