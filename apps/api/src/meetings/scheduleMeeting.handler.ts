import { randomUUID } from 'node:crypto';
import { HttpStatus, Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Clock } from '@app/event-store';
import { decideMeeting, err, foldMeeting, NO_MEETING, type Result, type ScheduleMeetingData } from '@app/lifecycle';
import type { CommandContext } from '../issues/commandContext';
import type { CommandFailure } from '../issues/commandFailure';
import { CLOCK } from '../store/tokens';
import { MeetingRepository } from './meetingRepository';
import { meetingViewOf } from './meetingView';
import type { MeetingView } from './meetingViews.dto';

export class ScheduleMeeting {
  constructor(
    readonly areaId: string,
    readonly data: ScheduleMeetingData,
    readonly context: CommandContext,
  ) {}
}

/** A new meeting's own stream: the domain decides, MeetingScheduled is its first event. Answers 201. */
@CommandHandler(ScheduleMeeting)
export class ScheduleMeetingHandler implements ICommandHandler<ScheduleMeeting, Result<MeetingView, CommandFailure>> {
  constructor(
    private readonly meetings: MeetingRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ areaId, data, context }: ScheduleMeeting): Promise<Result<MeetingView, CommandFailure>> {
    if (!this.meetings.areaNamed(areaId)) return err({ kind: 'no-such-area' });
    const meetingId = randomUUID();
    const decided = decideMeeting(NO_MEETING, { type: 'schedule-meeting', areaId, data }, { actor: context.actor, now: this.clock.now() });
    if (!decided.ok) return decided;
    const { minutes: _none, ...body } = meetingViewOf(meetingId, foldMeeting(decided.value));
    return this.meetings.record(meetingId, NO_MEETING, decided.value, context, { status: HttpStatus.CREATED, body });
  }
}
