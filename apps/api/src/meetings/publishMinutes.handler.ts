import { HttpStatus, Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Clock } from '@app/event-store';
import { decideMeeting, foldMeeting, type PublishMinutesData, type Result } from '@app/lifecycle';
import type { CommandContext } from '../issues/commandContext';
import type { CommandFailure } from '../issues/commandFailure';
import { CLOCK } from '../store/tokens';
import { MeetingRepository } from './meetingRepository';
import { meetingViewOf } from './meetingView';
import type { MeetingView } from './meetingViews.dto';

export class PublishMinutes {
  constructor(
    readonly meetingId: string,
    readonly data: PublishMinutesData,
    readonly context: CommandContext,
  ) {}
}

/** Load the meeting's stream, let the domain decide, append MinutesPublished; answers the meeting with its minutes. */
@CommandHandler(PublishMinutes)
export class PublishMinutesHandler implements ICommandHandler<PublishMinutes, Result<MeetingView, CommandFailure>> {
  constructor(
    private readonly meetings: MeetingRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ meetingId, data, context }: PublishMinutes): Promise<Result<MeetingView, CommandFailure>> {
    const state = await this.meetings.load(meetingId);
    const decided = decideMeeting(state, { type: 'publish-minutes', data }, { actor: context.actor, now: this.clock.now() });
    if (!decided.ok) return decided;
    const body = meetingViewOf(meetingId, foldMeeting(decided.value, state));
    return this.meetings.record(meetingId, state, decided.value, context, { status: HttpStatus.OK, body });
  }
}
