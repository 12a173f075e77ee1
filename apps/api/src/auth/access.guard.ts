import { type CanActivate, type ExecutionContext, ForbiddenException, Inject, Injectable, SetMetadata, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Settings } from '../config/settings';
import { SETTINGS } from '../store/tokens';
import { ACCESS, type Access } from './access.decorator';
import { authenticate } from './authenticate';
import type { AuthenticatedRequest } from './requestActor';

const QUERY_TOKEN = 'accessTokenInQuery';

/**
 * This route also takes the bearer token as `?access_token=` (a browser's EventSource cannot
 * send headers). Only routes marked so: elsewhere a token in a URL would end up in histories and logs.
 */
export const TokenInQuery = () => SetMetadata(QUERY_TOKEN, true);

/** Authenticates every request and enforces the route's access rule; no rule, no entry. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const actor = authenticate(this.credentialsOf(request, context), this.settings.jwtSecret);
    request.actor = actor;

    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS, [context.getHandler(), context.getClass()]);
    if (!access) throw new ForbiddenException('this route declares no access rule, so it is closed');
    if (access.anonymous) return true;
    if (actor.kind !== 'staff') throw new UnauthorizedException('a bearer token is required');
    if (actor.role !== 'admin' && !access.roles.includes(actor.role)) {
      throw new ForbiddenException(`role ${actor.role} may not do this; it needs one of: ${access.roles.join(', ')}`);
    }
    return true;
  }

  /** The Authorization header; on TokenInQuery routes without one, `?access_token=` checked exactly like it. */
  private credentialsOf(request: AuthenticatedRequest, context: ExecutionContext): string | undefined {
    const header = request.headers.authorization;
    if (header !== undefined || !this.reflector.getAllAndOverride<boolean>(QUERY_TOKEN, [context.getHandler(), context.getClass()])) return header;
    const token: unknown = request.query.access_token;
    if (token === undefined) return undefined;
    if (typeof token !== 'string') throw new UnauthorizedException('access_token must be given once');
    return `Bearer ${token}`;
  }
}
