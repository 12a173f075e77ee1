import { UnauthorizedException } from '@nestjs/common';
import { type JwtPayload, verify } from 'jsonwebtoken';
import { ANONYMOUS, type Actor, ROLES, type Role } from '@app/lifecycle';

/** The only algorithm a token may use: the secret is symmetric, so `none`, HS384/512 and RS/ES/PS (key confusion) are refused. */
export const TOKEN_ALGORITHM = 'HS256';

/**
 * How far the clocks of the minting client and of this server may disagree, in seconds: `exp`
 * and `nbf` are honoured this much late or early, and an `iat` further than this in the future
 * is refused (a token "issued" tomorrow is forged or minted on a broken clock).
 */
export const CLOCK_SKEW_SECONDS = 30;

/**
 * The actor behind an Authorization header: anonymous without one; staff for a valid HS256
 * bearer token that expires (`exp` is required: a token without it would be valid for ever)
 * and has well-formed claims; otherwise 401. `now` is the real time: tokens are minted on
 * real clocks, whatever clock the issues' events are recorded with.
 */
export function authenticate(header: string | undefined, secret: string, now: Date = new Date()): Actor {
  if (header === undefined) return ANONYMOUS;
  const match = /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(header.trim());
  if (!match) throw new UnauthorizedException('Authorization must be "Bearer <token>"');
  const nowSeconds = Math.floor(now.getTime() / 1000);
  let payload: string | JwtPayload;
  try {
    payload = verify(match[1], secret, { algorithms: [TOKEN_ALGORITHM], clockTolerance: CLOCK_SKEW_SECONDS, clockTimestamp: nowSeconds });
  } catch (error) {
    throw new UnauthorizedException(`invalid token: ${(error as Error).message}`);
  }
  if (typeof payload !== 'object' || payload === null) throw new UnauthorizedException('invalid token: its payload is not a set of claims');
  const claims = payload as Record<string, unknown>;
  checkTimes(claims, nowSeconds);
  const { sub, role, areas, name } = claims;
  if (typeof sub !== 'string' || sub === '') throw new UnauthorizedException('token has no sub claim');
  if (name !== undefined && typeof name !== 'string') throw new UnauthorizedException('token name claim must be a string');
  if (typeof role !== 'string' || !ROLES.includes(role as Role)) throw new UnauthorizedException(`token role must be one of ${ROLES.join(', ')}`);
  if (!Array.isArray(areas) || !areas.every((area) => typeof area === 'string' && area !== '')) {
    throw new UnauthorizedException('token areas claim must be an array of area ids');
  }
  return { kind: 'staff', id: sub, role: role as Role, areas: areas as string[], ...(name !== undefined && name.trim() !== '' && { name }) };
}

/** What `verify` leaves out: `exp` must be there, and `iat`, when given, a number not in the future. */
function checkTimes(claims: Record<string, unknown>, nowSeconds: number): void {
  if (typeof claims.exp !== 'number') throw new UnauthorizedException('invalid token: it has no exp claim (tokens must expire)');
  if (claims.iat === undefined) return;
  if (typeof claims.iat !== 'number' || !Number.isFinite(claims.iat)) throw new UnauthorizedException('invalid token: invalid iat value');
  if (claims.iat > nowSeconds + CLOCK_SKEW_SECONDS) throw new UnauthorizedException('invalid token: it was issued in the future (iat)');
}
