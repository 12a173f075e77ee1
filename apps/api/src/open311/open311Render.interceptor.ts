import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, NotFoundException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import { CONTENT_TYPES, isOpen311Format, type Open311Document, renderDocument } from './open311Document';

/**
 * Writes what an Open311 route answers in the format its path names (`.json` or `.xml`);
 * any other extension names no resource (404).
 */
@Injectable()
export class Open311RenderInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler<Open311Document>): Observable<string> {
    const format = context.switchToHttp().getRequest<Request>().params.format;
    if (!isOpen311Format(format)) throw new NotFoundException('GeoReport v2 resources end in .json or .xml');
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((document) => {
        response.type(CONTENT_TYPES[format]);
        return renderDocument(document, format);
      }),
    );
  }
}
