import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@app/event-store';
import { type Actor, authorize, err, type IssueCommand, type IssueState, isPastMeeting, meetingDayOf, ok, type Result, sameMeetingDate } from '@app/lifecycle';
import type { CommandFailure } from '../issues/commandFailure';
import { CLOCK } from '../store/tokens';
import { MeetingRepository } from './meetingRepository';

/** A command on an existing issue. */
export type TransitionCommand = Exclude<IssueCommand, { type: 'log' }>;

/** A board review as the edge takes it: with a meetingId its meetingDate may be left out, and is then the meeting's date. */
export interface UncheckedBoardReview {
  readonly type: 'board-review';
  readonly data: { readonly meetingId?: string; readonly meetingDate?: string; readonly report: string };
}

/** A command as the edge took it: a board review at a meeting may still lack its date. */
export type UncheckedTransitionCommand = TransitionCommand | UncheckedBoardReview;

/**
 * The meeting a command names, checked before the domain decides (the domain holds no meetings):
 * it must exist, be of the issue's area and, for a board review, not be in the past (today counts,
 * by calendar day in UTC on the injected clock). Read from the meeting's own stream, so a meeting
 * scheduled a moment ago is there. A board review takes its meetingDate from the meeting.
 * Whatever the domain would refuse first (no such issue, a role or area not the caller's) is left
 * to it, so those answers stay as they are with or without a meetingId.
 */
@Injectable()
export class MeetingCheck {
  constructor(
    private readonly meetings: MeetingRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async check(command: UncheckedTransitionCommand, issue: IssueState, actor: Actor): Promise<Result<TransitionCommand, CommandFailure>> {
    const meetingId = meetingNamedBy(command);
    if (meetingId === undefined) return withDate(command);
    if (issue.status === 'none') return err({ kind: 'not-found' });
    // authorize reads the command's type only: a board review's missing date does not matter to it.
    const denied = authorize(actor, command as IssueCommand, issue.areaId);
    if (denied) return err(denied);

    const meeting = await this.meetings.load(meetingId);
    if (meeting.areaId === null || meeting.date === null) {
      return invalid(`meetingId must name a board meeting of GET /areas/${issue.areaId}/meetings; there is none with id ${meetingId}`);
    }
    if (meeting.areaId !== issue.areaId) {
      return invalid(`meetingId must name a meeting of the issue's area ${issue.areaId}; meeting ${meetingId} is of ${meeting.areaId}`);
    }
    if (command.type !== 'board-review') return ok(command);
    if (isPastMeeting(meeting.date, this.clock.now())) {
      return invalid(`meetingId must name a meeting that is not in the past: meeting ${meetingId} was on ${meetingDayOf(meeting.date)}`);
    }
    const { meetingDate } = command.data;
    if (meetingDate !== undefined && !sameMeetingDate(meetingDate, meeting.date)) {
      return invalid(`meetingDate must be the meeting's date (${meeting.date}) when meetingId is given, got ${meetingDate}; or leave it out`);
    }
    return ok({ type: 'board-review', data: { ...command.data, meetingDate: meeting.date } });
  }
}

/** The meeting a command says it was decided at (or, for a board review, set for). */
function meetingNamedBy(command: UncheckedTransitionCommand): string | undefined {
  switch (command.type) {
    case 'refer':
    case 'board-review':
    case 'roundtable':
    case 'resolve':
      return command.data.meetingId;
    default:
      return undefined;
  }
}

/** A command naming no meeting goes on as it came; a board review without one needs its own date (its DTO insists). */
function withDate(command: UncheckedTransitionCommand): Result<TransitionCommand, CommandFailure> {
  if (command.type !== 'board-review') return ok(command);
  const { meetingDate } = command.data;
  if (meetingDate === undefined) return invalid('meetingDate must be an ISO 8601 date, unless meetingId names the meeting');
  return ok({ type: 'board-review', data: { ...command.data, meetingDate } });
}

const invalid = (problem: string) => err<CommandFailure>({ kind: 'invalid-meeting', problems: [problem] });
