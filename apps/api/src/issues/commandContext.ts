import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type Actor, actorRef } from '@app/lifecycle';
import type { AuthenticatedRequest } from '../auth/requestActor';
import type { EventProvenance, EventVia } from '@app/streams';

/** An Idempotency-Key this request holds the claim on (see IdempotencyInterceptor). */
export interface ClaimedKey {
  readonly scope: string;
  readonly key: string;
  readonly claimToken: string;
}

export interface IdempotentRequest extends AuthenticatedRequest {
  idempotency?: ClaimedKey;
}

/** Everything about a command besides its body: who, under which ids, with which key. */
export interface CommandContext {
  readonly actor: Actor;
  readonly commandId: string;
  readonly correlationId: string;
  readonly idempotency?: ClaimedKey;
  /** The client the command came through, recorded in its events' metadata (Open311). */
  readonly via?: EventVia;
}

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export const CommandCtx = createParamDecorator((_: unknown, context: ExecutionContext): CommandContext => {
  const request = context.switchToHttp().getRequest<IdempotentRequest>();
  const commandId = randomUUID();
  const header = request.headers['x-correlation-id'];
  const correlationId = typeof header === 'string' && CORRELATION_ID.test(header) ? header : commandId;
  return { actor: request.actor, commandId, correlationId, idempotency: request.idempotency };
});

export function provenanceOf(context: CommandContext): EventProvenance {
  return {
    actor: actorRef(context.actor),
    correlationId: context.correlationId,
    causationId: context.commandId,
    idempotencyKey: context.idempotency?.key,
    ...(context.via && { via: context.via }),
  };
}
