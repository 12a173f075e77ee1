import { sign } from 'jsonwebtoken';
import type { Role } from '@app/lifecycle';

/** The claims of a bearer token (shared/contract/API.md, "Authentication and roles"). */
export interface TokenClaims {
  readonly sub: string;
  readonly name: string;
  readonly role: Role;
  readonly areas: readonly string[];
}

/** Signs a token as any holder of the secret may (HS256). */
export function mintToken(secret: string, claims: TokenClaims, expiresInSeconds = 12 * 60 * 60): string {
  return sign({ ...claims, areas: [...claims.areas] }, secret, { algorithm: 'HS256', expiresIn: expiresInSeconds });
}
