import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Actor, err, ok, type Result, servesArea } from '@app/lifecycle';
import type { CommandFailure } from '../commandFailure';
import { IssueRepository } from '../issueRepository';
import type { IssueView } from '../issueView.dto';
import { IssueViewRenderer } from '../issueViewRenderer';

export class GetIssue {
  constructor(
    readonly idOrReference: string,
    readonly actor: Actor,
  ) {}
}

/** One issue as it stands now, by id or reference: the fold of its own stream, for staff of its area. */
@QueryHandler(GetIssue)
export class GetIssueHandler implements IQueryHandler<GetIssue, Result<IssueView, CommandFailure>> {
  constructor(
    private readonly issues: IssueRepository,
    private readonly views: IssueViewRenderer,
  ) {}

  async execute({ idOrReference, actor }: GetIssue): Promise<Result<IssueView, CommandFailure>> {
    const issueId = await this.issues.resolveId(idOrReference);
    if (issueId === undefined) return err({ kind: 'not-found' });
    const issue = await this.issues.load(issueId);
    if (issue.status === 'none') return err({ kind: 'not-found' });
    if (!servesArea(actor, issue.areaId)) return err({ kind: 'forbidden', message: `you do not serve area ${issue.areaId}` });
    return ok(await this.views.render(issueId, issue));
  }
}
