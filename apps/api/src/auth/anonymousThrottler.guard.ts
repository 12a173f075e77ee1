import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthenticatedRequest } from './requestActor';

/**
 * Rate-limits anonymous callers only (INTAKE_RATE_LIMIT per minute per client address). The
 * address is `request.ip` (the throttler's own tracker): the connection's peer, or with
 * TRUST_PROXY the client the trusted proxies name in X-Forwarded-For, never a header a caller
 * sets for itself.
 */
@Injectable()
export class AnonymousThrottlerGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    return request.actor?.kind === 'staff';
  }
}
