import { Body, Controller, HttpCode, HttpStatus, Param, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { MEETING_COMMAND_ROLES } from '@app/lifecycle';
import { Roles } from '../auth/access.decorator';
import { CommandCtx, type CommandContext } from '../issues/commandContext';
import { unwrap } from '../issues/commandFailure';
import { IdempotencyInterceptor } from '../issues/idempotency.interceptor';
import { PublishMinutesDto, ScheduleMeetingDto } from './meetingCommand.dtos';
import { ApiMeetingCommandErrors } from './meetingErrorResponses';
import { MeetingView } from './meetingViews.dto';
import { PublishMinutes } from './publishMinutes.handler';
import { ScheduleMeeting } from './scheduleMeeting.handler';

/** Board meetings, the write side: scheduling one, publishing its minutes. Each meeting is a stream of its own. */
@ApiTags('meetings')
@Controller()
export class MeetingsController {
  constructor(private readonly commandBus: CommandBus) {}

  /** Schedule a meeting of the area board (any date: a past meeting may be recorded). Answers 201 with its id. */
  @Post('areas/:areaId/meetings')
  @HttpCode(HttpStatus.CREATED)
  @Roles(...MEETING_COMMAND_ROLES['schedule-meeting'])
  @ApiCreatedResponse({ type: MeetingView, description: 'The meeting as scheduled: { id, areaId, date, venue }' })
  @UseInterceptors(IdempotencyInterceptor)
  @ApiMeetingCommandErrors('No area with this id')
  schedule(@Param('areaId') areaId: string, @Body() body: ScheduleMeetingDto, @CommandCtx() context: CommandContext): Promise<MeetingView> {
    return unwrap(this.commandBus.execute(new ScheduleMeeting(areaId, { date: body.date, venue: body.venue }, context)));
  }

  /** Publish the meeting's minutes (board chair of its area), for any meeting, past or future; publishing again replaces them. */
  @Post('meetings/:id/minutes')
  @HttpCode(HttpStatus.OK)
  @Roles(...MEETING_COMMAND_ROLES['publish-minutes'])
  @ApiOkResponse({ type: MeetingView, description: 'The meeting, carrying the minutes as published' })
  @UseInterceptors(IdempotencyInterceptor)
  @ApiMeetingCommandErrors('No meeting with this id')
  publishMinutes(@Param('id') id: string, @Body() body: PublishMinutesDto, @CommandCtx() context: CommandContext): Promise<MeetingView> {
    return unwrap(this.commandBus.execute(new PublishMinutes(id, { text: body.text }, context)));
  }
}
