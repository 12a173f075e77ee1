import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  HttpException,
  HttpStatus,
  NotFoundException,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import type { DecisionError, MeetingDecisionError, Result, ScorecardDecisionError } from '@app/lifecycle';

/** Why a command did not happen: the domain's reasons, and the few the application adds. */
export type CommandFailure =
  | DecisionError
  | ScorecardDecisionError
  | MeetingDecisionError
  /** Another write to the meeting's stream got in first (minutes published twice at once). */
  | { readonly kind: 'version-conflict'; readonly of: 'meeting'; readonly expectedVersion: number; readonly currentVersion: number }
  | { readonly kind: 'unknown-area'; readonly areaId: string }
  /** An area named by the path (not a body field, which is 'unknown-area'): nothing there to act on. */
  | { readonly kind: 'no-such-area' }
  | { readonly kind: 'idempotency-conflict'; readonly message: string }
  | { readonly kind: 'store-busy' }
  /** A resident's link was used before (single use), or does not hold (forged, expired, another issue's). */
  | { readonly kind: 'link-refused'; readonly message: string };

/** The one place where a failed command becomes an HTTP answer. */
export function toHttpException(failure: CommandFailure): HttpException {
  switch (failure.kind) {
    case 'not-found':
      return new NotFoundException('no issue with this id');
    case 'unauthenticated':
      return new UnauthorizedException(failure.message);
    case 'forbidden':
      return new ForbiddenException(failure.message);
    case 'no-such-area':
      return new NotFoundException('no area with this id');
    case 'unknown-area':
      return new BadRequestException([`areaId must be one of the areas of GET /areas, got ${failure.areaId}`]);
    case 'invalid-occurred-at':
      return new BadRequestException([failure.message]);
    case 'invalid-scorecard':
    case 'invalid-meeting':
      return new BadRequestException([...failure.problems]);
    case 'no-such-meeting':
      return new NotFoundException('no meeting with this id');
    case 'meeting-exists':
      return new ConflictException('a meeting with this id is already scheduled');
    case 'version-conflict':
      return new ConflictException({
        statusCode: HttpStatus.CONFLICT,
        error: 'Conflict',
        message: `the ${'of' in failure ? (failure.of === 'area' ? "area's scorecard" : 'meeting') : 'issue'} is at version ${failure.currentVersion}, not ${failure.expectedVersion}: reload it and try again`,
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
    case 'link-refused':
      return new ForbiddenException(failure.message);
    case 'store-busy':
      return new ServiceUnavailableException('the event store is busy with another writer (a CLI or projector on the same file); nothing was recorded, retry shortly');
  }
}

/** The value of a successful command, or the HTTP exception for its failure. */
export async function unwrap<T>(pending: Promise<Result<T, CommandFailure>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw toHttpException(result.error);
  return result.value;
}
