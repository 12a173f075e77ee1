import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AppMetrics } from './appMetrics';

/** Requests no route matched share one label: raw URLs would give Prometheus a series per typo. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Times every request, labelled by the route's pattern (`/issues/:id`, never the raw URL). A
 * middleware rather than an interceptor, so answers the guards give (401, 403) count too.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: AppMetrics) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const stopTimer = this.metrics.httpRequestDuration.startTimer();
    // Nest mounts this middleware as a catch-all route of its own: a request no controller route
    // took still carries that one when it ends.
    const middlewareRoute: unknown = request.route;
    // 'close' comes whether the answer finished or the client went away first.
    response.once('close', () => {
      const route: unknown = request.route;
      const path = route !== middlewareRoute ? (route as { path?: unknown } | undefined)?.path : undefined;
      stopTimer({
        method: request.method,
        route: typeof path === 'string' ? `${request.baseUrl}${path}` : UNMATCHED_ROUTE,
        status_code: String(response.statusCode),
      });
    });
    next();
  }
}
