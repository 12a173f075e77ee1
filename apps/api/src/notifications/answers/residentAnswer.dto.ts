import { IsString, Length } from 'class-validator';
import { Text } from '../../issues/commandBody.dto';

/** POST /public/issues/:reference/confirm: the token from the link in the outcome message. */
export class ConfirmOutcomeDto {
  /** The `token` of the link (signed, single use, 60 days). */
  @IsString()
  @Length(1, 2000)
  token: string;
}

/** POST /public/issues/:reference/dispute: the token, and what the resident says is still wrong. */
export class DisputeOutcomeDto extends ConfirmOutcomeDto {
  @Text(1, 2000)
  reason: string;
}

/** What the resident's page is told: no personal data, just where the issue now stands. */
export class ResidentAnswerView {
  reference: string;
  /** `fedBack` after a confirmation; `logged` after a dispute (the issue is reopened). */
  status: string;
}
