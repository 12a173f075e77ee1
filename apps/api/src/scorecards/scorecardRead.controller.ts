import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { AllowAnonymous } from '../auth/access.decorator';
import { AreaScorecardQuery, AreaScorecardView, DEFAULT_QUARTERS } from './areaScorecard.dto';
import { GetAreaScorecard } from './getAreaScorecard.handler';

/** Area scorecards, the read side: public, as the residents' own review of their area. */
@ApiTags('scorecards')
@Controller()
export class ScorecardReadController {
  constructor(private readonly queryBus: QueryBus) {}

  /** Each indicator the area's residents chose, with its value for each of the last N quarters and its trend. A projection: `asOfPosition` says how far it has caught up. */
  @Get('areas/:areaId/scorecard')
  @AllowAnonymous()
  @ApiOkResponse({ type: AreaScorecardView, description: 'An area with no scorecard chosen yet has chosenAt null and no indicators' })
  @ApiBadRequestResponse({ description: 'quarters is not a whole number from 1 to 12, or an unknown query field (each named)' })
  @ApiNotFoundResponse({ description: 'No area with this id' })
  @ApiTooManyRequestsResponse({ description: 'Anonymous rate limit (INTAKE_RATE_LIMIT a minute per route)' })
  scorecard(@Param('areaId') areaId: string, @Query() query: AreaScorecardQuery): Promise<AreaScorecardView> {
    return this.queryBus.execute(new GetAreaScorecard(areaId, query.quarters ?? DEFAULT_QUARTERS));
  }
}
