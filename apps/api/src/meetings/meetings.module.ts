import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GetAgendaHandler } from './getAgenda.handler';
import { GetMeetingHandler } from './getMeeting.handler';
import { ListMeetingsHandler } from './listMeetings.handler';
import { MeetingCheck } from './meetingCheck';
import { MeetingRepository } from './meetingRepository';
import { MeetingsController } from './meetings.controller';
import { MeetingsReadController } from './meetingsRead.controller';
import { PublishMinutesHandler } from './publishMinutes.handler';
import { ScheduleMeetingHandler } from './scheduleMeeting.handler';

const commandHandlers = [ScheduleMeetingHandler, PublishMinutesHandler];
const queryHandlers = [GetMeetingHandler, ListMeetingsHandler, GetAgendaHandler];

/**
 * Board meetings: events in each meeting's own stream (`meeting-<id>`), through the same store;
 * agendas from the meetings projection. Exports the check the issue commands run on a meetingId.
 */
@Module({
  imports: [CqrsModule],
  controllers: [MeetingsController, MeetingsReadController],
  providers: [MeetingRepository, MeetingCheck, ...commandHandlers, ...queryHandlers],
  exports: [MeetingCheck],
})
export class MeetingsModule {}
