import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Min, ValidateIf } from 'class-validator';
import { type Channel, CHANNELS, CONFIRMATION_CHANNELS, type ConfirmationChannel } from '@app/lifecycle';
import { CommandBody, IsoDate, Text, TextList, TransitionBody } from '../commandBody.dto';

/** The body of each command on an existing issue (shared/contract/API.md, "Commands"). */

/** The board meeting a decision was taken at (GET /areas/:areaId/meetings): one of the issue's area. */
const AtMeeting = () => applyDecorators(IsOptional(), IsUUID('all', { message: '$property must be the id of a board meeting (a UUID)' }));

export class ReferIssueDto extends TransitionBody {
  @Text(1, 200)
  serviceProvider: string;

  @IsOptional()
  @Text(1, 2000)
  note?: string;

  /** The board meeting that referred it, if one did. */
  @AtMeeting()
  meetingId?: string;
}

export class ScheduleBoardReviewDto extends TransitionBody {
  /** The meeting's date; may be left out when meetingId is given (it is then the meeting's date; if both are given they must agree). */
  @ValidateIf((body: ScheduleBoardReviewDto) => body.meetingId === undefined || body.meetingDate !== undefined)
  @IsoDate()
  meetingDate?: string;

  @Text(1, 20000)
  report: string;

  /** The board meeting that will review it: one of the issue's area, not in the past (today counts). Puts the issue on its agenda. */
  @AtMeeting()
  meetingId?: string;
}

export class ConveneRoundtableDto extends TransitionBody {
  @IsoDate()
  date: string;

  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @TextList(1, 200)
  participants: string[];

  /** The board meeting that could not settle it, if one did. */
  @AtMeeting()
  meetingId?: string;
}

export class ResolveIssueDto extends TransitionBody {
  @Text(1, 5000)
  outcome: string;

  /** The board meeting the outcome was reached at, if one was. */
  @AtMeeting()
  meetingId?: string;
}

export class FeedBackOutcomeDto extends TransitionBody {
  @Text(1, 5000)
  message: string;

  @IsIn(CHANNELS)
  channel: Channel;
}

export class ReopenIssueDto extends TransitionBody {
  @Text(1, 2000)
  reason: string;
}

export class WithdrawIssueDto extends TransitionBody {
  @Text(1, 2000)
  reason: string;
}

export class AssignOfficerDto extends TransitionBody {
  @Text(1, 200)
  officer: string;

  @IsoDate()
  dueBy: string;
}

export class AddNoteDto extends TransitionBody {
  @Text(1, 5000)
  text: string;

  @IsBoolean()
  public: boolean;
}

export class AwaitResidentDto extends TransitionBody {
  /** What the council asked the resident: internal, never on the public tracker. */
  @Text(1, 5000)
  question: string;
}

export class ResidentRepliedDto extends TransitionBody {
  /** What the resident answered: internal, never on the public tracker. */
  @Text(1, 5000)
  answer: string;
}

/** What the resident told staff of the outcome, by phone or letter: confirmed, or disputed with a reason (which reopens the issue). */
export class RecordConfirmationDto extends TransitionBody {
  @IsBoolean()
  confirmed: boolean;

  /** Required when disputed: why the resident says the outcome is wrong. */
  @ValidateIf((body: RecordConfirmationDto) => body.confirmed === false || body.reason !== undefined)
  @Text(1, 2000)
  reason?: string;

  /** Emailed answers come by the links in the outcome message; staff record phone calls and letters. */
  @IsIn(CONFIRMATION_CHANNELS.filter((channel) => channel !== 'email'))
  channel: Exclude<ConfirmationChannel, 'email'>;
}

/** POST /issues/:id/upgrade-workflow: no body needed. */
export class UpgradeWorkflowDto extends CommandBody {
  /** The issue's version as last seen: 409 if it changed meanwhile. Absent: upgrade whatever it is now. */
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number;
}
