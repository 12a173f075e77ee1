import { Inject, Injectable } from '@nestjs/common';
import { toHistoryEvent } from '@app/audit';
import { AuditedIssueStream } from './auditedIssueStream';
import type { IssueHistoryView } from './issueHistory.dto';
import { REVEAL_PERSONAL_DATA, type RevealPersonalData } from './revealPersonalData';

/** Every event of one issue, with both clocks and the hash chain; undefined for an unknown issue. */
@Injectable()
export class ReadIssueHistory {
  constructor(
    private readonly streams: AuditedIssueStream,
    @Inject(REVEAL_PERSONAL_DATA) private readonly reveal: RevealPersonalData,
  ) {}

  async execute(idOrReference: string): Promise<IssueHistoryView | undefined> {
    const stream = await this.streams.read(idOrReference);
    if (!stream) return undefined;
    const events = (await this.reveal(stream.events)).map(toHistoryEvent);
    return { id: stream.issueId, reference: referenceOf(events), events };
  }
}

/** From the IssueLogged event; null for a stream that has lost it (verify reports that). */
function referenceOf(events: ReadonlyArray<{ readonly type: string; readonly data: unknown }>): string | null {
  const logged = events.find((event) => event.type === 'IssueLogged')?.data as { reference?: unknown } | undefined;
  return typeof logged?.reference === 'string' ? logged.reference : null;
}
