import { type CanActivate, type ExecutionContext, ForbiddenException, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { Open311Keys } from './open311Keys';

/** A request an Open311 client's API key was checked on: the client it names. */
export interface Open311Request extends Request {
  open311Client?: string;
}

/**
 * Posting needs an API key of OPEN311_KEYS_FILE (403 otherwise, as the contract says). A guard,
 * so the key is checked before anything else looks at the request, idempotent replays included.
 */
@Injectable()
export class Open311KeyGuard implements CanActivate {
  constructor(@Inject(Open311Keys) private readonly keys: Open311Keys) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Open311Request>();
    if (!this.keys.configured) throw new ForbiddenException('this server takes no Open311 requests: no API keys are configured (OPEN311_KEYS_FILE)');
    const given: unknown = (request.body as Record<string, unknown> | undefined)?.api_key ?? request.query.api_key;
    const client = this.keys.clientOf(given);
    if (!client) throw new ForbiddenException(given === undefined || given === '' ? 'api_key is required to post a service request' : 'api_key is not valid');
    request.open311Client = client;
    return true;
  }
}
