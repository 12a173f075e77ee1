import { HttpException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CONTENT_TYPES, type Open311Format, renderDocument } from './open311Document';

/**
 * Answers with the spec's errors: an array of { code, description } (XML: <errors><error>), one
 * per problem, in the format of the path's extension (JSON when it names none), the HTTP status
 * as each code.
 */
export function sendOpen311Errors(request: Request, response: Response, status: number, descriptions: readonly string[]): void {
  const format: Open311Format = request.path.endsWith('.xml') ? 'xml' : 'json';
  const document = { root: 'errors', item: 'error', entries: descriptions.map((description) => ({ code: status, description })) };
  response.status(status).type(CONTENT_TYPES[format]).send(renderDocument(document, format));
}

/** The problems an HttpException names (Nest's `message`, a string or a list). */
export function descriptionsOf(exception: HttpException): string[] {
  const body = exception.getResponse();
  if (typeof body === 'string') return [body];
  if (Array.isArray(body) && body.length > 0) return body.map(String);
  const message = (body as { message?: unknown }).message;
  if (Array.isArray(message) && message.length > 0) return message.map(String);
  return [typeof message === 'string' ? message : exception.message];
}
