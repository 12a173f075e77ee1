import { ForbiddenException, Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Clock } from '@app/event-store';
import { type Actor, ALL_AREAS, servesArea } from '@app/lifecycle';
import { listIssues, type ProjectionHost, type ReadModelDb } from '@app/projections';
import { CLOCK, PROJECTION_HOST, READ_MODELS } from '../../store/tokens';
import { IssueViewRenderer } from '../issueViewRenderer';
import type { IssueListView, ListIssuesQuery } from './listIssues.dto';

export class ListIssues {
  constructor(
    readonly query: ListIssuesQuery,
    readonly actor: Actor,
  ) {}
}

export const DEFAULT_PAGE_SIZE = 50;

/** The tracker, for staff: only issues in the areas they serve. */
@QueryHandler(ListIssues)
export class ListIssuesHandler implements IQueryHandler<ListIssues, IssueListView> {
  constructor(
    @Inject(READ_MODELS) private readonly db: ReadModelDb,
    @Inject(PROJECTION_HOST) private readonly host: ProjectionHost,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly views: IssueViewRenderer,
  ) {}

  async execute({ query, actor }: ListIssues): Promise<IssueListView> {
    if (query.areaId && !servesArea(actor, query.areaId)) throw new ForbiddenException(`you do not serve area ${query.areaId}`);
    const areas = actor.kind === 'staff' && actor.role !== 'admin' && !actor.areas.includes(ALL_AREAS) ? actor.areas : undefined;
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    // The position first: the rows read after it are at least that fresh.
    const asOfPosition = await this.host.positionOf('issues');
    const { rows, total, statusCounts } = await listIssues(
      this.db,
      { ...query, areas, overdue: query.overdue === 'true', disputesFirst: query.disputesFirst === 'true', page, pageSize },
      this.clock.now(),
    );
    // The rows keep personal data sealed: revealed here, the page's keys in one lookup.
    const views = await this.views.renderAll(rows.map((row) => ({ id: row.issueId, issue: row.state })));
    // `?? null`: rows of an older generation (before its rebuild swaps in) have no disputes.
    const items = views.map((view, i) => ({ ...view, disputedAt: rows[i].openDisputeAt ?? null }));
    return { items, total, page, pageSize, asOfPosition, statusCounts };
  }
}
