import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { buildStaffTimeline } from '@app/audit';
import type { EventStoreAdapter } from '@app/event-store';
import { type Actor, err, foldIssue, ok, type Result, servesArea } from '@app/lifecycle';
import { streamIdOf, toIssueEvent } from '@app/streams';
import { EVENT_STORE } from '../../store/tokens';
import type { CommandFailure } from '../commandFailure';
import { IssueRepository } from '../issueRepository';
import type { TimelineStepView } from './issueTimeline.dto';

export class GetIssueTimeline {
  constructor(
    readonly idOrReference: string,
    readonly actor: Actor,
  ) {}
}

/**
 * What happened to one issue, step by step, for the console's issue page: staff of its area, as
 * GET /issues/:id; an auditor of any area, as its history (the timeline tells less than that).
 */
@QueryHandler(GetIssueTimeline)
export class GetIssueTimelineHandler implements IQueryHandler<GetIssueTimeline, Result<TimelineStepView[], CommandFailure>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStoreAdapter,
    private readonly issues: IssueRepository,
  ) {}

  async execute({ idOrReference, actor }: GetIssueTimeline): Promise<Result<TimelineStepView[], CommandFailure>> {
    const issueId = await this.issues.resolveId(idOrReference);
    if (issueId === undefined) return err({ kind: 'not-found' });
    const stored = await this.store.readStream(streamIdOf(issueId));
    const issue = foldIssue(stored.map(toIssueEvent));
    if (issue.status === 'none') return err({ kind: 'not-found' });
    const auditor = actor.kind === 'staff' && actor.role === 'auditor';
    if (!auditor && !servesArea(actor, issue.areaId)) return err({ kind: 'forbidden', message: `you do not serve area ${issue.areaId}` });
    return ok(buildStaffTimeline(stored));
  }
}
