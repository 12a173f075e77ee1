import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  HttpException,
  HttpStatus,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import type { DecisionError, Result } from '@app/lifecycle';

/** Why a command did not happen: the domain's reasons, and the few the application adds. */
export type CommandFailure =
  | DecisionError
  | { readonly kind: 'unknown-area'; readonly areaId: string }
  | { readonly kind: 'idempotency-conflict'; readonly message: string };

/** The one place where a failed command becomes an HTTP answer. */
export function toHttpException(failure: CommandFailure): HttpException {
  switch (failure.kind) {
    case 'not-found':
      return new NotFoundException('no issue with this id');
    case 'unauthenticated':
      return new UnauthorizedException(failure.message);
    case 'forbidden':
      return new ForbiddenException(failure.message);
    case 'unknown-area':
      return new BadRequestException([`areaId must be one of the areas of GET /areas, got ${failure.areaId}`]);
    case 'invalid-occurred-at':
      return new BadRequestException([failure.message]);
    case 'version-conflict':
      return new ConflictException({
        statusCode: HttpStatus.CONFLICT,
        error: 'Conflict',
        message: `the issue is at version ${failure.currentVersion}, not ${failure.expectedVersion}: reload it and try again`,
        currentVersion: failure.currentVersion,
      });
    case 'illegal-transition':
      return new HttpException(
        {
          statusCode: HttpStatus.UNPROCESSABLE_ENTITY,
          error: 'Unprocessable Entity',
          message: `${failure.command} is not allowed while the issue is ${failure.status}`,
          status: failure.status,
          allowedCommands: failure.allowedCommands,
        },
        HttpStatus.UNPROCESSABLE_ENTITY,
      );
    case 'idempotency-conflict':
      return new ConflictException(failure.message);
  }
}

/** The value of a successful command, or the HTTP exception for its failure. */
export async function unwrap<T>(pending: Promise<Result<T, CommandFailure>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw toHttpException(result.error);
  return result.value;
}
