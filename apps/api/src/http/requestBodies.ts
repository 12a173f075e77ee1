import {
  BadRequestException,
  HttpException,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { json, type NextFunction, type Request, type RequestHandler, type Response, urlencoded } from 'express';

/** Reading a body is for commands; a body sent with GET or DELETE is left unread, and ignored. */
const METHODS_WITH_BODIES = new Set(['POST', 'PUT', 'PATCH']);
/** The import streams its JSON Lines itself, after the admin check, under IMPORT_BODY_LIMIT. */
const READS_ITS_OWN_BODY = /^\/admin\/import\/?$/i;
/** Open311 clients post form-encoded, as GeoReport v2 says; everything else speaks JSON. */
const TAKES_FORMS = /^\/open311\//i;
const JSON_TYPES = ['application/json', '+json'];

/**
 * Bodies, read once for the whole app in place of Nest's default parsers: JSON up to BODY_LIMIT
 * on every route, forms too under /open311/. Whatever goes wrong while reading is a 4xx with
 * the contract's JSON body (Nest would answer body-parser's 413 and 415 with a 500), and no
 * error keeps the raw body, which may hold a resident's details, where a logger could see it.
 */
export function readRequestBodies(limitBytes: number): RequestHandler {
  const parseJson = json({ limit: limitBytes });
  const parseForm = urlencoded({ extended: true, limit: limitBytes });

  return (request: Request, response: Response, next: NextFunction) => {
    const done = (error?: unknown) => next(error === undefined ? undefined : asHttpException(error, limitBytes));
    if (!METHODS_WITH_BODIES.has(request.method) || !announcesBody(request) || READS_ITS_OWN_BODY.test(request.path)) return next();
    if (TAKES_FORMS.test(request.path)) {
      parseForm(request, response, (error?: unknown) => (error === undefined ? parseJson(request, response, done) : done(error)));
      return;
    }
    const contentLength = request.headers['content-length'];
    if (!request.is(JSON_TYPES)) {
      // An empty POST (upgrade-workflow has no body) needs no type.
      if (contentLength === '0') return next();
      return next(new UnsupportedMediaTypeException(`send the body as JSON, with Content-Type: application/json, not ${mediaTypeOf(request)}`));
    }
    parseJson(request, response, done);
  };
}

/** Whether the request says it has a body (a Content-Length, or chunks). */
const announcesBody = (request: Request) => request.headers['transfer-encoding'] !== undefined || request.headers['content-length'] !== undefined;

/** The media type as sent, without parameters, cut short: it goes into an answer. */
function mediaTypeOf(request: Request): string {
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().slice(0, 100);
  return type === '' ? 'no Content-Type' : type;
}

/** body-parser's errors (they carry a `type`) as the contract's answers, in words of our own. */
function asHttpException(error: unknown, limitBytes: number): unknown {
  if (error instanceof HttpException) return error;
  const { type, status, charset } = error as { type?: string; status?: number; charset?: string };
  switch (type) {
    case 'entity.too.large':
      return new PayloadTooLargeException(`the body is larger than BODY_LIMIT (${limitBytes} bytes)`);
    case 'charset.unsupported':
      return new UnsupportedMediaTypeException(`send JSON in UTF-8, not ${String(charset).slice(0, 40)}`);
    case 'encoding.unsupported':
      return new UnsupportedMediaTypeException('the Content-Encoding is not supported: send gzip, deflate, br or none');
    case 'entity.parse.failed':
      return new BadRequestException(`the body is not valid JSON${positionOf(error)}`);
    case 'request.size.invalid':
      return new BadRequestException('the body is not as long as its Content-Length says');
    case 'request.aborted':
      return new BadRequestException('the request was aborted before its body was read');
    case 'parameters.too.many':
      return new PayloadTooLargeException('the form has too many fields');
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new BadRequestException('the body could not be read');
  }
  return error;
}

/** Where JSON.parse gave up, without echoing the text around it (which may be personal). */
function positionOf(error: unknown): string {
  const position = /position (\d+)/.exec((error as Error).message ?? '')?.[1];
  return position === undefined ? '' : ` (at character ${position})`;
}
