import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthenticatedRequest } from './requestActor';

/** Rate-limits anonymous callers only (INTAKE_RATE_LIMIT per minute per client address). */
@Injectable()
export class AnonymousThrottlerGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    return request.actor?.kind === 'staff';
  }
}
