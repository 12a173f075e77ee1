import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '@app/lifecycle';

/** A request once the access guard has authenticated it. */
export interface AuthenticatedRequest extends Request {
  actor: Actor;
}

/** The authenticated actor of the request. */
export const RequestActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): Actor => context.switchToHttp().getRequest<AuthenticatedRequest>().actor,
);
