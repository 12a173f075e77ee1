import { BadRequestException } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { describeInputProblem, findInputProblems } from './inputProblems';
import { pathProblem } from './pathProblems';
import { readRequestBodies } from './requestBodies';

/**
 * What every request passes before any route sees it (shared/contract/API.md, "Commands": text
 * fields reject NUL and unpaired surrogates on every store). Path and query are checked before
 * the body is read, the body as soon as it is parsed: so a refusal is the same 400 on every
 * route and for every caller, comes before authentication, validation and the stores, and
 * spends nothing (no reference number, no event, no idempotency claim).
 */
export function inputAtTheEdge(bodyLimitBytes: number): RequestHandler[] {
  return [refuseBadPathOrQuery, readRequestBodies(bodyLimitBytes), refuseBadBody];
}

function refuseBadPathOrQuery(request: Request, _response: Response, next: NextFunction): void {
  const inPath = pathProblem(request.path);
  if (inPath !== null) return next(new BadRequestException([inPath]));
  let query: unknown;
  try {
    query = request.query;
  } catch {
    return next(new BadRequestException(['the query string cannot be read']));
  }
  const problems = findInputProblems(query).map((problem) => describeInputProblem(problem, 'the query', 'query parameter '));
  next(problems.length > 0 ? new BadRequestException(problems) : undefined);
}

function refuseBadBody(request: Request, _response: Response, next: NextFunction): void {
  const problems = findInputProblems(request.body).map((problem) => describeInputProblem(problem, 'the body'));
  next(problems.length > 0 ? new BadRequestException(problems) : undefined);
}
