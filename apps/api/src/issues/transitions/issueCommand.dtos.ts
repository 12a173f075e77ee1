import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsBoolean, IsIn, IsOptional } from 'class-validator';
import { type Channel, CHANNELS } from '@app/lifecycle';
import { IsoDate, Text, TextList, TransitionBody } from '../commandBody.dto';

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
