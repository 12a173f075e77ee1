import { BadRequestException, Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { meetingStartOf, normaliseMeetingDate } from '@app/lifecycle';
import type { MeetingPeriod } from '@app/projections';
import { AllowAnonymous } from '../auth/access.decorator';
import { AGENDA_PAGE_POLICY, renderAgendaHtml } from './agendaHtml';
import { GetAgenda } from './getAgenda.handler';
import { GetMeeting } from './getMeeting.handler';
import { ListMeetings } from './listMeetings.handler';
import { MeetingRepository } from './meetingRepository';
import { MeetingsQuery } from './meetingsQuery.dto';
import { AgendaView, MeetingListView, MeetingView } from './meetingViews.dto';

/** Board meetings, the read side: public, as board meetings are. Nothing personal is ever in them. */
@ApiTags('meetings')
@Controller()
@ApiTooManyRequestsResponse({ description: 'Anonymous rate limit (INTAKE_RATE_LIMIT a minute per route)' })
export class MeetingsReadController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly meetings: MeetingRepository,
  ) {}

  /** An area's meetings, soonest first; `from`/`to` on the meeting date, [from, to). A projection: `asOfPosition` says how far it has caught up. */
  @Get('areas/:areaId/meetings')
  @AllowAnonymous()
  @ApiOkResponse({ type: MeetingListView })
  @ApiBadRequestResponse({ description: 'from or to is no ISO 8601 date or date-time with an offset, or an unknown query field (each named)' })
  @ApiNotFoundResponse({ description: 'No area with this id' })
  list(@Param('areaId') areaId: string, @Query() query: MeetingsQuery): Promise<MeetingListView> {
    return this.queryBus.execute(new ListMeetings(areaId, periodOf(query)));
  }

  /** A meeting, with its minutes once published. Read from the meeting's own stream: fresh at once. */
  @Get('meetings/:id')
  @AllowAnonymous()
  @ApiOkResponse({ type: MeetingView })
  @ApiNotFoundResponse({ description: 'No meeting with this id' })
  meeting(@Param('id') id: string): Promise<MeetingView> {
    return this.queryBus.execute(new GetMeeting(id));
  }

  /** The meeting's agenda: the issues put to it (board-review with its meetingId) with any decision taken there, then the standing items. */
  @Get('meetings/:id/agenda')
  @AllowAnonymous()
  @ApiOkResponse({ type: AgendaView })
  @ApiNotFoundResponse({ description: 'No meeting with this id' })
  agenda(@Param('id') id: string): Promise<AgendaView> {
    return this.queryBus.execute(new GetAgenda(id));
  }

  /** The printable agenda: an HTML page with its own print style sheet (/web/agenda.css), no script, nothing personal. */
  @Get('meetings/:id/agenda.html')
  @AllowAnonymous()
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The agenda as a printable HTML page', schema: { type: 'string' } })
  @ApiNotFoundResponse({ description: 'No meeting with this id' })
  async agendaHtml(@Param('id') id: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    const agenda: AgendaView = await this.queryBus.execute(new GetAgenda(id));
    // Set once the agenda is found: a 404 stays the JSON error every route answers.
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.setHeader('Content-Security-Policy', AGENDA_PAGE_POLICY);
    return renderAgendaHtml(this.meetings.areaNamed(agenda.meeting.areaId)?.name ?? agenda.meeting.areaId, agenda);
  }
}

/** The query's dates as the instants the projection compares: a bare date at its midnight UTC. */
function periodOf(query: MeetingsQuery): MeetingPeriod {
  const instant = (field: 'from' | 'to'): string | undefined => {
    const given = query[field];
    if (given === undefined) return undefined;
    const date = normaliseMeetingDate(given);
    if (date === undefined) throw new BadRequestException([`${field} must be an ISO 8601 date (YYYY-MM-DD) or a date-time with Z or an offset, got ${given}`]);
    return meetingStartOf(date);
  };
  return { from: instant('from'), to: instant('to') };
}
