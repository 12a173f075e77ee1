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

/** The error answers of the meeting commands, for the OpenAPI document. */
export const ApiMeetingCommandErrors = (notFound: string) =>
  applyDecorators(
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retry safely: the same key and body returns the first answer' }),
    ApiBadRequestResponse({ description: 'The body fails validation (each bad field named): a date that is no ISO 8601 date or date-time with an offset, a blank venue or text' }),
    ApiUnauthorizedResponse({ description: 'Missing, malformed, expired or wrongly signed token' }),
    ApiForbiddenResponse({ description: "The role may not do this, or the meeting's area is not among the caller's areas" }),
    ApiNotFoundResponse({ description: notFound }),
    ApiConflictResponse({ description: 'Another write to the meeting got in first, or a request with this Idempotency-Key is still running' }),
    ApiUnprocessableEntityResponse({ description: 'An Idempotency-Key reused with another body' }),
  );
