import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { INDICATORS, SCORECARD_COMMAND_ROLES } from '@app/lifecycle';
import { AllowAnonymous, Roles } from '../auth/access.decorator';
import { CommandCtx, type CommandContext } from '../issues/commandContext';
import { unwrap } from '../issues/commandFailure';
import { IdempotencyInterceptor } from '../issues/idempotency.interceptor';
import { ChooseScorecard } from './chooseScorecard.handler';
import { RecordScorecardFigure } from './recordScorecardFigure.handler';
import { ChooseScorecardDto, RecordScorecardFigureDto } from './scorecardCommand.dtos';
import { ApiScorecardCommandErrors } from './scorecardErrorResponses';
import { IndicatorView, ScorecardChoiceView, ScorecardFigureView } from './scorecardViews.dto';

/** Area scorecards, the write side: the menu, the residents' choice, the council's figures. */
@ApiTags('scorecards')
@Controller()
export class ScorecardController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The menu an area's residents choose 10 to 12 indicators from. */
  @Get('scorecards/indicators')
  @AllowAnonymous()
  @ApiOkResponse({ type: [IndicatorView] })
  indicators(): IndicatorView[] {
    return INDICATORS.map(({ id, name, unit, higherIsBetter, source }) => ({ id, name, unit, higherIsBetter, source }));
  }

  /** Record the indicators the area's residents chose (10 to 12 from the menu), replacing any earlier choice. */
  @Put('areas/:areaId/scorecard')
  @HttpCode(HttpStatus.OK)
  @Roles(...SCORECARD_COMMAND_ROLES['choose-scorecard'])
  @ApiOkResponse({ type: ScorecardChoiceView, description: 'The choice as recorded, with the version of the area stream' })
  @UseInterceptors(IdempotencyInterceptor)
  @ApiScorecardCommandErrors()
  choose(@Param('areaId') areaId: string, @Body() body: ChooseScorecardDto, @CommandCtx() context: CommandContext): Promise<ScorecardChoiceView> {
    const { expectedVersion, indicators, ...rest } = body;
    const data = { indicators: [...indicators], ...rest };
    return unwrap(this.commandBus.execute(new ChooseScorecard(areaId, data, expectedVersion ?? undefined, context)));
  }

  /** Record the council's figure of a recorded indicator for the current or an earlier quarter. Answers 201. */
  @Post('areas/:areaId/scorecard/figures')
  @HttpCode(HttpStatus.CREATED)
  @Roles(...SCORECARD_COMMAND_ROLES['record-figure'])
  @ApiCreatedResponse({ type: ScorecardFigureView, description: 'The figure as recorded, with the version of the area stream' })
  @UseInterceptors(IdempotencyInterceptor)
  @ApiScorecardCommandErrors()
  recordFigure(
    @Param('areaId') areaId: string,
    @Body() body: RecordScorecardFigureDto,
    @CommandCtx() context: CommandContext,
  ): Promise<ScorecardFigureView> {
    const { expectedVersion, ...data } = body;
    return unwrap(this.commandBus.execute(new RecordScorecardFigure(areaId, { ...data }, expectedVersion ?? undefined, context)));
  }
}
