import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/lifecycle';
import { Roles } from '../../auth/access.decorator';
import { RequestActor } from '../../auth/requestActor';
import { unwrap } from '../commandFailure';
import { IssueView } from '../issueView.dto';
import { GetIssue } from './getIssue.handler';
import { GetIssueTimeline } from './getIssueTimeline.handler';
import { TimelineStepView } from './issueTimeline.dto';
import { ListIssues } from './listIssues.handler';
import { IssueListView, ListIssuesQuery } from './listIssues.dto';

/** Staff reads of single issues. The view holds the resident's personal data: no viewers. */
@ApiTags('issues')
@Controller('issues')
export class IssuesController {
  constructor(private readonly queryBus: QueryBus) {}

  /** The tracker: issues in your areas, filtered and paged, newest first (or soonest due first). A projection: `asOfPosition` says how far it has caught up. */
  @Get()
  @Roles('areaManager', 'boardChair', 'officer', 'auditor')
  list(@Query() query: ListIssuesQuery, @RequestActor() actor: Actor): Promise<IssueListView> {
    return this.queryBus.execute(new ListIssues(query, actor));
  }

  /** The issue as it stands, by id or reference (TROW-2026-00042), with the commands its status allows. */
  @Get(':id')
  @Roles('areaManager', 'boardChair', 'officer', 'auditor')
  get(@Param('id') id: string, @RequestActor() actor: Actor): Promise<IssueView> {
    return unwrap(this.queryBus.execute(new GetIssue(id, actor)));
  }

  /** What happened to the issue, step by step, for people: who (by name), its status after, its words, and whether residents see it. Staff of its area; an auditor of any. */
  @Get(':id/timeline')
  @Roles('areaManager', 'boardChair', 'officer', 'auditor')
  timeline(@Param('id') id: string, @RequestActor() actor: Actor): Promise<TimelineStepView[]> {
    return unwrap(this.queryBus.execute(new GetIssueTimeline(id, actor)));
  }
}
