import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsBoolean, IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { type Channel, CHANNELS } from '@app/lifecycle';
import { CommandBody, IsoDate, Text, TextList, TransitionBody } from '../commandBody.dto';

/** The body of each command on an existing issue (shared/contract/API.md, "Commands"). */

export class ReferIssueDto extends TransitionBody {
  @Text(1, 200)
  serviceProvider: string;

  @IsOptional()
  @Text(1, 2000)
  note?: string;
}

export class ScheduleBoardReviewDto extends TransitionBody {
  @IsoDate()
  meetingDate: string;

  @Text(1, 20000)
  report: string;
}

export class ConveneRoundtableDto extends TransitionBody {
  @IsoDate()
  date: string;

  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @TextList(1, 200)
  participants: string[];
}

export class ResolveIssueDto extends TransitionBody {
  @Text(1, 5000)
  outcome: string;
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

/** POST /issues/:id/upgrade-workflow: no body needed. */
export class UpgradeWorkflowDto extends CommandBody {
  /** The issue's version as last seen: 409 if it changed meanwhile. Absent: upgrade whatever it is now. */
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number;
}
