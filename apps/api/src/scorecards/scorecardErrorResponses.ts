import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

/** The error answers of the scorecard commands, for the OpenAPI document. */
export const ApiScorecardCommandErrors = () =>
  applyDecorators(
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retry safely: the same key and body returns the first answer' }),
    ApiBadRequestResponse({
      description:
        'The body fails validation (each bad field named): ids off the menu, repeated, too few or too many; ' +
        'a future chosenAt or quarter; a figure for an issue-derived indicator',
    }),
    ApiUnauthorizedResponse({ description: 'Missing, malformed, expired or wrongly signed token' }),
    ApiForbiddenResponse({ description: "The role may not do this, or the area is not among the caller's areas" }),
    ApiNotFoundResponse({ description: 'No area with this id' }),
    ApiConflictResponse({
      description:
        "expectedVersion is not the area stream's version, or another write got in first (body adds currentVersion); " +
        'or a request with this Idempotency-Key is still running',
    }),
    ApiUnprocessableEntityResponse({ description: 'An Idempotency-Key reused with another body' }),
  );
