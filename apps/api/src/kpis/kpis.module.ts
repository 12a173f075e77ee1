import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { FiguresMemo } from './figuresMemo';
import { GetAreaKpisHandler } from './getAreaKpis.handler';
import { GetKpisHandler } from './getKpis.handler';
import { GetOfficerKpisHandler } from './getOfficerKpis.handler';
import { GetResolutionTimesHandler } from './getResolutionTimes.handler';
import { KpisController } from './kpis.controller';
import { KpiSource } from './kpiSource';

const queryHandlers = [GetKpisHandler, GetAreaKpisHandler, GetOfficerKpisHandler, GetResolutionTimesHandler];

/** GET /kpis and its per-area, per-officer and distribution views, read from the issues projection. */
@Module({
  imports: [CqrsModule],
  controllers: [KpisController],
  providers: [FiguresMemo, KpiSource, ...queryHandlers],
})
export class KpisModule {}
