import { Injectable } from '@nestjs/common';
import { eventsRecordedBy } from '@app/audit';
import { foldIssue } from '@app/lifecycle';
import { toIssueEvent } from '@app/streams';
import { IssueViewRenderer } from '../issues/issueViewRenderer';
import { AuditedIssueStream } from './auditedIssueStream';
import type { IssueStateView } from './issueHistory.dto';

/**
 * The issue as the system knew it at an instant: the fold of the events recorded by then,
 * rendered by the very renderer GET /issues/:id uses on the fold of them all (personal data
 * revealed, or "[erased]" once erased, even for an instant before the erasure). Undefined
 * when the issue is unknown or did not exist yet.
 */
@Injectable()
export class ReadIssueState {
  constructor(
    private readonly streams: AuditedIssueStream,
    private readonly views: IssueViewRenderer,
  ) {}

  async execute(idOrReference: string, at: Date): Promise<IssueStateView | undefined> {
    const stream = await this.streams.read(idOrReference);
    if (!stream) return undefined;
    const known = eventsRecordedBy(stream.events, at);
    const issue = foldIssue(known.map(toIssueEvent));
    if (issue.status === 'none') return undefined;
    // Deadlines judged as they stood at that instant, not today.
    return { ...(await this.views.render(stream.issueId, issue, at)), asOf: at.toISOString() };
  }
}
