import { NotFoundException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { MeetingRepository } from './meetingRepository';
import { meetingViewOf } from './meetingView';
import type { MeetingView } from './meetingViews.dto';

export class GetMeeting {
  constructor(readonly meetingId: string) {}
}

/** A meeting read from its own stream: a meeting just scheduled, or minutes just published, show at once. */
@QueryHandler(GetMeeting)
export class GetMeetingHandler implements IQueryHandler<GetMeeting, MeetingView> {
  constructor(private readonly meetings: MeetingRepository) {}

  async execute({ meetingId }: GetMeeting): Promise<MeetingView> {
    const state = await this.meetings.load(meetingId);
    if (state.version === 0) throw new NotFoundException('no meeting with this id');
    return meetingViewOf(meetingId, state);
  }
}
