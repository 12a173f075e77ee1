import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiForbiddenResponse, ApiTags } from '@nestjs/swagger';
import { AllowAnonymous } from '../../auth/access.decorator';
import { CommandCtx, type CommandContext } from '../../issues/commandContext';
import { unwrap } from '../../issues/commandFailure';
import { AnswerOutcome } from './answerOutcome.handler';
import { ConfirmOutcomeDto, DisputeOutcomeDto, ResidentAnswerView } from './residentAnswer.dto';

/**
 * The resident's answer to the outcome fed back, by the links in its message (anonymous: the
 * signed token is the proof). A forged, expired or used link is 403; nothing is recorded.
 */
@ApiTags('public')
@ApiForbiddenResponse({ description: 'the link is forged, expired, already used, or no longer applies' })
@Controller('public/issues')
export class ResidentAnswersController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The resident confirms the issue is resolved: records OutcomeConfirmed (the resident as actor). */
  @Post(':reference/confirm')
  @HttpCode(HttpStatus.OK)
  @AllowAnonymous()
  confirm(@Param('reference') reference: string, @Body() body: ConfirmOutcomeDto, @CommandCtx() context: CommandContext): Promise<ResidentAnswerView> {
    return unwrap(this.commandBus.execute(new AnswerOutcome(reference, body.token, { confirmed: true }, context)));
  }

  /** The resident says it is not resolved: records OutcomeDisputed with their reason and reopens the issue. */
  @Post(':reference/dispute')
  @HttpCode(HttpStatus.OK)
  @AllowAnonymous()
  dispute(@Param('reference') reference: string, @Body() body: DisputeOutcomeDto, @CommandCtx() context: CommandContext): Promise<ResidentAnswerView> {
    return unwrap(this.commandBus.execute(new AnswerOutcome(reference, body.token, { confirmed: false, reason: body.reason }, context)));
  }
}
