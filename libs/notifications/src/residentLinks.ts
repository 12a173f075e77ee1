import { createHmac } from 'node:crypto';
import { type JwtPayload, sign, verify } from 'jsonwebtoken';

/** How long a resident's confirm-or-dispute link works (the contract: 60 days). */
export const RESIDENT_LINK_DAYS = 60;
const AUDIENCE = 'resident-link';
const DAY_MS = 86_400_000;

/** What a link proves: that its holder received the outcome message of this issue. */
export interface ResidentLinkClaims {
  readonly issueId: string;
  readonly reference: string;
  /** Names the message the link came in: the issue takes one answer per message (single use). */
  readonly tokenId: string;
  /** When the message was recorded: the link expires RESIDENT_LINK_DAYS after it, resends included. */
  readonly issuedAt: Date;
}

export type ResidentLinkRefusal = 'forged' | 'expired' | 'other-issue';

/**
 * Signs and checks the tokens in the links of an outcome message (`PUBLIC_BASE_URL/track/:reference
 * ?action=confirm|dispute&token=`). HS256 under a key derived from JWT_SECRET for this purpose
 * alone, with its own audience: a staff token is never a resident link, nor the other way round.
 * The same claims always give the same token, so a resent message carries the same links.
 */
export class ResidentLinks {
  private readonly key: Buffer;

  constructor(jwtSecret: string) {
    this.key = createHmac('sha256', jwtSecret).update('resident-links').digest();
  }

  sign(claims: ResidentLinkClaims): string {
    const iat = Math.floor(claims.issuedAt.getTime() / 1000);
    return sign({ sub: claims.issueId, ref: claims.reference, jti: claims.tokenId, iat, exp: iat + RESIDENT_LINK_DAYS * (DAY_MS / 1000) }, this.key, {
      algorithm: 'HS256',
      audience: AUDIENCE,
      noTimestamp: true,
    });
  }

  /** The issue and message a token names, if it is genuine, unexpired at `now` and for this reference. */
  check(token: string, reference: string, now: Date): { readonly issueId: string; readonly tokenId: string } | { readonly refused: ResidentLinkRefusal } {
    let payload: JwtPayload;
    try {
      payload = verify(token, this.key, { algorithms: ['HS256'], audience: AUDIENCE, clockTimestamp: Math.floor(now.getTime() / 1000) }) as JwtPayload;
    } catch (error) {
      return { refused: (error as Error).name === 'TokenExpiredError' ? 'expired' : 'forged' };
    }
    if (typeof payload.sub !== 'string' || typeof payload.jti !== 'string' || typeof payload.ref !== 'string') return { refused: 'forged' };
    if (payload.ref !== reference) return { refused: 'other-issue' };
    return { issueId: payload.sub, tokenId: payload.jti };
  }
}

/** The two links of an outcome message. */
export function answerLinks(publicBaseUrl: string, reference: string, token: string): { readonly confirmUrl: string; readonly disputeUrl: string } {
  const base = `${publicBaseUrl.replace(/\/+$/, '')}/track/${encodeURIComponent(reference)}`;
  const query = (action: string) => `?action=${action}&token=${encodeURIComponent(token)}`;
  return { confirmUrl: `${base}${query('confirm')}`, disputeUrl: `${base}${query('dispute')}` };
}
