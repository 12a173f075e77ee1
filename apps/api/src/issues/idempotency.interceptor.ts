import { createHash } from 'node:crypto';
import {
  BadRequestException,
  type CallHandler,
  ConflictException,
  type ExecutionContext,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Response } from 'express';
import canonicalize from 'canonicalize';
import { catchError, from, mergeMap, type Observable, throwError } from 'rxjs';
import type { Clock, EventStoreAdapter } from '@app/event-store';
import type { Settings } from '../config/settings';
import { CLOCK, EVENT_STORE, SETTINGS } from '../store/tokens';
import type { IdempotentRequest } from './commandContext';
import { IssueViewRenderer } from './issueViewRenderer';
import { readStoredAnswer } from './storedAnswer';

const KEY = /^[\x21-\x7e]{1,255}$/;
/** A claim older than this is taken to belong to a request that died, and may be taken over. */
export const IDEMPOTENCY_LEASE_MS = 30_000;

/** What makes two requests "the same": method, path and body, in canonical JSON. */
export function requestHashOf(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(canonicalize({ method, path, body: body ?? null }) ?? '')
    .digest('hex');
}

/**
 * Idempotency-Key: the first request with a key claims it; its response is stored with its
 * events, in the same transaction. A retry with the same body gets that response again and
 * appends nothing; with another body, 422; while the first is still running, 409. Responses
 * expire after IDEMPOTENCY_TTL_HOURS (24 by default): the key is then free again.
 * Keys are scoped to the caller, so two users cannot collide: staff by their token's `sub`,
 * anonymous residents by their client address (`request.ip`: behind TRUST_PROXY, the address
 * the proxies saw), so one resident's key neither replays nor blocks another's intake.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStoreAdapter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SETTINGS) private readonly settings: Settings,
    private readonly views: IssueViewRenderer,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<IdempotentRequest>();
    const key = request.headers['idempotency-key'];
    if (key === undefined) return next.handle();
    if (typeof key !== 'string' || !KEY.test(key)) {
      throw new BadRequestException(['Idempotency-Key must be 1 to 255 visible ASCII characters']);
    }

    const actor = request.actor;
    const scope = actor.kind === 'staff' ? `staff:${actor.id}` : `anonymous:${request.ip ?? 'unknown'}`;
    const requestHash = requestHashOf(request.method, request.path, request.body);
    const now = this.clock.now();
    // Responses expire (IDEMPOTENCY_TTL_HOURS): deleted as this claim is made, never replayed.
    const expireBefore = new Date(now.getTime() - this.settings.idempotencyTtlHours * 3_600_000);
    const claim = await this.store.claim({ scope, key, requestHash, now, leaseMs: IDEMPOTENCY_LEASE_MS, expireBefore });

    if (claim.kind !== 'claimed' && claim.requestHash !== requestHash) {
      throw new HttpException(
        {
          statusCode: HttpStatus.UNPROCESSABLE_ENTITY,
          error: 'Unprocessable Entity',
          message: 'this Idempotency-Key was already used with a different request',
        },
        HttpStatus.UNPROCESSABLE_ENTITY,
      );
    }
    if (claim.kind === 'in-progress') {
      throw new ConflictException('a request with this Idempotency-Key is still being processed; retry shortly');
    }
    if (claim.kind === 'completed') {
      const answer = readStoredAnswer(claim.outcome);
      const response = context.switchToHttp().getResponse<Response>();
      response.status(answer.status).setHeader('Idempotent-Replayed', 'true');
      // Stored unrendered (personal data sealed): rendered now, so an erased resident shows "[erased]".
      return from(this.views.renderStored(answer.body));
    }

    request.idempotency = { scope, key, claimToken: claim.token };
    return next.handle().pipe(
      // The command failed, so nothing was stored under the key: free it for a corrected retry.
      catchError((error: unknown) => from(this.store.release(scope, key, claim.token)).pipe(mergeMap(() => throwError(() => error)))),
    );
  }
}
