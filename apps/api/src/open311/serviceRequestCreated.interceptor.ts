import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { map, type Observable } from 'rxjs';
import type { IssueView } from '../issues/issueView.dto';
import type { Open311Document } from './open311Document';

/**
 * The answer to POST requests: the new issue's reference as service_request_id, at once (the
 * services are realtime, so no token). Outside the idempotency interceptor, so that a replayed
 * answer (an issue view) is answered the same way as the first.
 */
@Injectable()
export class ServiceRequestCreatedInterceptor implements NestInterceptor {
  intercept(_: ExecutionContext, next: CallHandler<IssueView>): Observable<Open311Document> {
    return next.handle().pipe(
      map((issue) => ({
        root: 'service_requests',
        item: 'request',
        entries: [{ service_request_id: issue.reference, service_notice: `Logged as ${issue.reference}: the area board will consider it.`, account_id: null }],
      })),
    );
  }
}
