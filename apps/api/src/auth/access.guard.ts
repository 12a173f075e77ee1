import { type CanActivate, type ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Settings } from '../config/settings';
import { SETTINGS } from '../store/tokens';
import { ACCESS, type Access } from './access.decorator';
import { authenticate } from './authenticate';
import type { AuthenticatedRequest } from './requestActor';

/** Authenticates every request and enforces the route's access rule; no rule, no entry. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const actor = authenticate(request.headers.authorization, this.settings.jwtSecret);
    request.actor = actor;

    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS, [context.getHandler(), context.getClass()]);
    if (!access) throw new ForbiddenException('this route declares no access rule, so it is closed');
    if (access.anonymous) return true;
    if (actor.kind === 'anonymous') throw new UnauthorizedException('a bearer token is required');
    if (actor.role !== 'admin' && !access.roles.includes(actor.role)) {
      throw new ForbiddenException(`role ${actor.role} may not do this; it needs one of: ${access.roles.join(', ')}`);
    }
    return true;
  }
}
