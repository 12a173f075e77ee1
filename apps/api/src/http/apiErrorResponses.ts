import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

/** The error answers of the contract, for the OpenAPI document. */
export const ApiCommandErrors = () =>
  applyDecorators(
    ApiBadRequestResponse({ description: 'The body fails validation (each bad field named), malformed JSON, or occurredAt breaks a rule' }),
    ApiUnauthorizedResponse({ description: 'Missing, malformed, expired or wrongly signed token' }),
    ApiForbiddenResponse({ description: "The role may not run this command, or the issue is not in the caller's areas" }),
    ApiNotFoundResponse({ description: 'No issue with this id' }),
    ApiConflictResponse({ description: 'expectedVersion is stale (body adds currentVersion), or a request with this Idempotency-Key is still running' }),
    ApiUnprocessableEntityResponse({
      description: "Not allowed in the issue's status (body adds status and allowedCommands), or an Idempotency-Key reused with another body",
    }),
    ApiTooManyRequestsResponse({ description: 'Anonymous rate limit (INTAKE_RATE_LIMIT a minute)' }),
  );
