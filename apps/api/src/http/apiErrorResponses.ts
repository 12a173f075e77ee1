import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiPayloadTooLargeResponse,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';

/** The error answers of the contract, for the OpenAPI document. */
export const ApiCommandErrors = () =>
  applyDecorators(
    ApiBadRequestResponse({
      description:
        'The body fails validation (each bad field named), malformed JSON, text holding NUL or an unpaired UTF-16 surrogate (in the body, path or query), ' +
        'nesting deeper than 32 levels, or occurredAt breaks a rule (anonymous callers may not set it)',
    }),
    ApiUnauthorizedResponse({ description: 'Missing, malformed, expired or wrongly signed token' }),
    ApiForbiddenResponse({ description: "The role may not run this command, or the issue is not in the caller's areas" }),
    ApiNotFoundResponse({ description: 'No issue with this id' }),
    ApiConflictResponse({ description: 'expectedVersion is stale (body adds currentVersion), or a request with this Idempotency-Key is still running' }),
    ApiUnprocessableEntityResponse({
      description: "Not allowed in the issue's status (body adds status and allowedCommands), or an Idempotency-Key reused with another body",
    }),
    ApiPayloadTooLargeResponse({ description: 'The body is larger than BODY_LIMIT (default 100kb)' }),
    ApiUnsupportedMediaTypeResponse({ description: 'The body is not application/json in UTF-8' }),
    ApiTooManyRequestsResponse({ description: 'Anonymous rate limit (INTAKE_RATE_LIMIT a minute)' }),
  );
