import { HttpException, HttpStatus } from '@nestjs/common';
import type { Express, NextFunction, Request, Response } from 'express';
import { descriptionsOf, sendOpen311Errors } from './open311ErrorResponse';

export const OPEN311_PATH = '/open311';

/**
 * Open311 answers that no route of its controller gives, written the spec's way too: refusals
 * raised before routing (the app's input edge: NUL or lone surrogates, an unreadable or too
 * large body) and paths under /open311/ that name no resource. Mounted after every route and
 * before Nest's own handlers, so elsewhere nothing changes.
 */
export function mountOpen311Edge(express: Express): void {
  express.use(OPEN311_PATH, (error: unknown, request: Request, response: Response, next: NextFunction) => {
    if (!(error instanceof HttpException) || response.headersSent) return next(error);
    sendOpen311Errors(request, response, error.getStatus(), descriptionsOf(error));
  });
  express.use(OPEN311_PATH, (request: Request, response: Response) => {
    sendOpen311Errors(request, response, HttpStatus.NOT_FOUND, [`no GeoReport v2 resource at ${request.method} ${request.originalUrl.split('?')[0].slice(0, 200)}`]);
  });
}
