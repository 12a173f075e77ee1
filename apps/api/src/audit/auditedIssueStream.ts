import { Inject, Injectable } from '@nestjs/common';
import type { EventStoreAdapter, StoredEvent } from '@app/event-store';
import { isReference, issueIdOf, REFERENCE_KEY, streamIdOf } from '@app/streams';
import { EVENT_STORE } from '../store/tokens';

export interface IssueStream {
  readonly issueId: string;
  /** Every event of the issue's stream, as stored (personal data still sealed). */
  readonly events: StoredEvent[];
}

/** An issue's own stream, found by its id or its reference, as the auditors' routes read it. */
@Injectable()
export class AuditedIssueStream {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStoreAdapter) {}

  /** Undefined when no issue has this id or reference. */
  async read(idOrReference: string): Promise<IssueStream | undefined> {
    const issueId = isReference(idOrReference) ? await this.issueIdOfReference(idOrReference) : idOrReference;
    if (issueId === undefined) return undefined;
    const events = await this.store.readStream(streamIdOf(issueId));
    return events.length === 0 ? undefined : { issueId, events };
  }

  private async issueIdOfReference(reference: string): Promise<string | undefined> {
    const streamId = await this.store.streamOf(REFERENCE_KEY, reference);
    return streamId && issueIdOf(streamId);
  }
}
