import { Body, Controller, HttpCode, HttpStatus, Param, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { COMMAND_ROLES } from '@app/lifecycle';
import { AllowAnonymous, Roles } from '../../auth/access.decorator';
import { ApiCommandErrors } from '../../http/apiErrorResponses';
import type { UncheckedTransitionCommand } from '../../meetings/meetingCheck';
import { CommandCtx, type CommandContext } from '../commandContext';
import { unwrap } from '../commandFailure';
import type { TransitionBody } from '../commandBody.dto';
import { IdempotencyInterceptor } from '../idempotency.interceptor';
import { LogIssue } from '../intake/logIssue.handler';
import { LogIssueDto } from '../intake/logIssue.dto';
import { IssueView } from '../issueView.dto';
import {
  AddNoteDto,
  AssignOfficerDto,
  AwaitResidentDto,
  ConveneRoundtableDto,
  FeedBackOutcomeDto,
  RecordConfirmationDto,
  ReferIssueDto,
  ReopenIssueDto,
  ResidentRepliedDto,
  ResolveIssueDto,
  ScheduleBoardReviewDto,
  UpgradeWorkflowDto,
  WithdrawIssueDto,
} from './issueCommand.dtos';
import { RunIssueCommand } from './runIssueCommand.handler';

/** As the edge takes it: a board review at a meeting may leave its date to the meeting (MeetingCheck). */
type TransitionCommand = UncheckedTransitionCommand;

/** The write side: one route per command of the contract, each a thin hand-over to the bus. */
@ApiTags('commands')
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retry safely: the same key and body returns the first answer' })
@ApiCommandErrors()
@UseInterceptors(IdempotencyInterceptor)
@Controller('issues')
export class IssueCommandsController {
  constructor(private readonly commandBus: CommandBus) {}

  /** Raise an issue. Anonymous residents may raise online only. Answers 201 with the new issue. */
  @Post()
  @HttpCode(HttpStatus.CREATED)
  @AllowAnonymous()
  log(@Body() body: LogIssueDto, @CommandCtx() context: CommandContext): Promise<IssueView> {
    return unwrap(this.commandBus.execute(new LogIssue(body, context)));
  }

  /** Refer the issue to a service provider (from logged or boardReview). */
  @Post(':id/refer')
  @HttpCode(HttpStatus.OK)
  @Roles(...COMMAND_ROLES.refer)
  refer(@Param('id') id: string, @Body() body: ReferIssueDto, @CommandCtx() context: CommandContext): Promise<IssueView> {
    return this.run(id, body, context, (data) => ({ type: 'refer', data }));
  }

  /** Put the issue to the area board (from logged or referred). */
  @Post(':id/board-review')
  @HttpCode(HttpStatus.OK)
  @Roles(...COMMAND_ROLES['board-review'])
  boardReview(@Param('id') id: string, @Body() body: ScheduleBoardReviewDto, @CommandCtx() context: CommandContext): Promise<IssueView> {
    return this.run(id, body, context, (data) => ({ type: 'board-review', data }));
  }

  /** The board could not settle it: the chair convenes a roundtable. */
  @Post(':id/roundtable')
  @HttpCode(HttpStatus.OK)
  @Roles(...COMMAND_ROLES.roundtable)
  roundtable(@Param('id') id: string, @Body() body: ConveneRoundtableDto, @CommandCtx() context: CommandContext): Promise<IssueView> {
    return this.run(id, body, context, (data) => ({ type: 'roundtable', data }));
  }

  /** Record the outcome reached. */
  @Post(':id/resolve')
  @HttpCode(HttpStatus.OK)
  @Roles(...COMMAND_ROLES.resolve)
  resolve(@Param('id') id: string, @Body() body: ResolveIssueDto, @CommandCtx() context: CommandContext): Promise<IssueView> {
    return this.run(id, body, context, (data) => ({ type: 'resolve', data }));
  }

  /** Record that the outcome was fed back to the resident. */
  @Post(':id/feed-back')
  @HttpCode(HttpStatus.OK)
  @Roles(...COMMAND_ROLES['feed-back'])
  feedBack(@Param('id') id: string, @Body() body: FeedBackOutcomeDto, @CommandCtx() context: CommandContext): Promise<IssueView> {
    return this.run(id, body, context, (data) => ({ type: 'feed-back', data }));
  }

  /** The resident disputes the outcome: the issue starts again from logged. */
  @Post(':id/reopen')
  @HttpCode(HttpStatus.OK)
  @Roles(...COMMAND_ROLES.reopen)
  reopen(@Param('id') id: string, @Body() body: ReopenIssueDto, @CommandCtx() context: CommandContext): Promise<IssueView> {
    return this.run(id, body, context, (data) => ({ type: 'reopen', data }));
  }

  /** The resident withdraws the issue. */
  @Post(':id/withdraw')
  @HttpCode(HttpStatus.OK)
  @Roles(...COMMAND_ROLES.withdraw)
  withdraw(@Param('id') id: string, @Body() body: WithdrawIssueDto, @CommandCtx() context: CommandContext): Promise<IssueView> {
    return this.run(id, body, context, (data) => ({ type: 'withdraw', data }));
  }

  /** Allocate an officer and the timescale they work to. */
  @Post(':id/assign')
  @HttpCode(HttpStatus.OK)
  @Roles(...COMMAND_ROLES.assign)
  assign(@Param('id') id: string, @Body() body: AssignOfficerDto, @CommandCtx() context: CommandContext): Promise<IssueView> {
    return this.run(id, body, context, (data) => ({ type: 'assign', data }));
  }

  /** Add a progress note, public or internal. */
  @Post(':id/notes')
  @HttpCode(HttpStatus.OK)
  @Roles(...COMMAND_ROLES.notes)
  notes(@Param('id') id: string, @Body() body: AddNoteDto, @CommandCtx() context: CommandContext): Promise<IssueView> {
    return this.run(id, body, context, (data) => ({ type: 'notes', data }));
  }

  /** Wait on the resident's answer (workflow version 2): the resolve deadline pauses meanwhile. */
  @Post(':id/await-resident')
  @HttpCode(HttpStatus.OK)
  @Roles(...COMMAND_ROLES['await-resident'])
  awaitResident(@Param('id') id: string, @Body() body: AwaitResidentDto, @CommandCtx() context: CommandContext): Promise<IssueView> {
    return this.run(id, body, context, (data) => ({ type: 'await-resident', data }));
  }

  /** The resident answered: the issue returns to the status it was waiting in. */
  @Post(':id/resident-replied')
  @HttpCode(HttpStatus.OK)
  @Roles(...COMMAND_ROLES['resident-replied'])
  residentReplied(@Param('id') id: string, @Body() body: ResidentRepliedDto, @CommandCtx() context: CommandContext): Promise<IssueView> {
    return this.run(id, body, context, (data) => ({ type: 'resident-replied', data }));
  }

  /**
   * Record what the resident said of the outcome by phone or letter (fedBack): confirmed, or
   * disputed with a reason, which records OutcomeDisputed and reopens the issue.
   */
  @Post(':id/record-confirmation')
  @HttpCode(HttpStatus.OK)
  @Roles(...COMMAND_ROLES['record-confirmation'])
  recordConfirmation(@Param('id') id: string, @Body() body: RecordConfirmationDto, @CommandCtx() context: CommandContext): Promise<IssueView> {
    return this.run(id, body, context, (data) => ({ type: 'record-confirmation', data }));
  }

  /**
   * Move the issue to the newest workflow version (admin only; no body needed, `expectedVersion`
   * optional). An issue already at the newest answers 200 and nothing is recorded.
   */
  @Post(':id/upgrade-workflow')
  @HttpCode(HttpStatus.OK)
  @Roles('admin')
  upgradeWorkflow(@Param('id') id: string, @Body() body: UpgradeWorkflowDto, @CommandCtx() context: CommandContext): Promise<IssueView> {
    const command = { type: 'upgrade-workflow', data: {} } as const;
    return unwrap(this.commandBus.execute(new RunIssueCommand(id, command, body?.expectedVersion, body?.occurredAt, context)));
  }

  private run<B extends TransitionBody, C extends TransitionCommand>(
    id: string,
    body: B,
    context: CommandContext,
    toCommand: (data: Omit<B, 'expectedVersion' | 'occurredAt'>) => C,
  ): Promise<IssueView> {
    const { expectedVersion, occurredAt, ...data } = body;
    return unwrap(this.commandBus.execute(new RunIssueCommand(id, toCommand(data), expectedVersion, occurredAt, context)));
  }
}
