import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { descriptionsOf, sendOpen311Errors } from './open311ErrorResponse';

/**
 * Every refusal on an Open311 route, whoever raised it (the access guard, the rate limit, the
 * API key guard, the routes themselves), as the spec writes errors. Anything unforeseen is a
 * 500 that names nothing of its cause (it is logged).
 */
@Catch()
export class Open311ErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Open311');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    if (exception instanceof HttpException) return sendOpen311Errors(request, response, exception.getStatus(), descriptionsOf(exception));
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    sendOpen311Errors(request, response, HttpStatus.INTERNAL_SERVER_ERROR, ['the server could not answer this request']);
  }
}
