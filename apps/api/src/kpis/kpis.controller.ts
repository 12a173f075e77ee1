import { applyDecorators, Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Actor } from '@app/lifecycle';
import { Roles } from '../auth/access.decorator';
import { RequestActor } from '../auth/requestActor';
import { GetAreaKpis } from './getAreaKpis.handler';
import { GetKpis } from './getKpis.handler';
import { GetOfficerKpis } from './getOfficerKpis.handler';
import { GetResolutionTimes } from './getResolutionTimes.handler';
import { KpiPeriodQuery, KpiQuery } from './kpiQuery.dto';
import { AreaKpisView, KpisView, OfficerKpisView, ResolutionTimesView } from './kpiViews.dto';

const KpiErrors = () =>
  applyDecorators(
    ApiBadRequestResponse({ description: 'A bad or unknown query field, from/to not ISO 8601, to before from, or an areaId that is not an area' }),
    ApiUnauthorizedResponse({ description: 'Missing, malformed, expired or wrongly signed token' }),
    ApiForbiddenResponse({ description: 'An areaId the caller does not serve' }),
  );

/**
 * The dashboards' figures, from the issues projection. Viewers and every staff role; each
 * sees figures over the areas their token serves only.
 */
@ApiTags('kpis')
@Controller('kpis')
@Roles('viewer', 'auditor', 'areaManager', 'boardChair', 'officer')
@KpiErrors()
export class KpisController {
  constructor(private readonly queryBus: QueryBus) {}

  /** Raised, resolved, rates, percentiles, overdue and the monthly series over issues logged in [from, to). */
  @Get()
  @ApiOkResponse({ type: KpisView })
  kpis(@Query() query: KpiQuery, @RequestActor() actor: Actor): Promise<KpisView> {
    return this.queryBus.execute(new GetKpis(query, actor));
  }

  /** The same figures, one row per area the caller serves (areas without issues included, all zeros). */
  @Get('areas')
  @ApiOkResponse({ type: [AreaKpisView] })
  areas(@Query() query: KpiPeriodQuery, @RequestActor() actor: Actor): Promise<AreaKpisView[]> {
    return this.queryBus.execute(new GetAreaKpis(query, actor));
  }

  /** One row per current officer of the issues: assigned, resolved and overdue, sorted by officer. */
  @Get('officers')
  @ApiOkResponse({ type: [OfficerKpisView] })
  officers(@Query() query: KpiQuery, @RequestActor() actor: Actor): Promise<OfficerKpisView[]> {
    return this.queryBus.execute(new GetOfficerKpis(query, actor));
  }

  /** How many issues were first resolved within < 1, 1–7, 7–30, 30–90 and > 90 days of being logged. */
  @Get('resolution-times')
  @ApiOkResponse({ type: ResolutionTimesView })
  resolutionTimes(@Query() query: KpiQuery, @RequestActor() actor: Actor): Promise<ResolutionTimesView> {
    return this.queryBus.execute(new GetResolutionTimes(query, actor));
  }
}
