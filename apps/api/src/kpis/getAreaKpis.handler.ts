import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Actor, servesArea } from '@app/lifecycle';
import { areaKpis } from '@app/projections';
import type { Settings } from '../config/settings';
import { SETTINGS } from '../store/tokens';
import { KpiSource } from './kpiSource';
import { periodOf } from './kpiScope';
import type { KpiPeriodQuery } from './kpiQuery.dto';
import type { AreaKpisView } from './kpiViews.dto';

export class GetAreaKpis {
  constructor(
    readonly query: KpiPeriodQuery,
    readonly actor: Actor,
  ) {}
}

/** The figures per area, for every area of the settings the caller serves, in the settings' order. */
@QueryHandler(GetAreaKpis)
export class GetAreaKpisHandler implements IQueryHandler<GetAreaKpis, AreaKpisView[]> {
  constructor(
    private readonly source: KpiSource,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async execute({ query, actor }: GetAreaKpis): Promise<AreaKpisView[]> {
    const period = periodOf(query);
    const areaIds = this.settings.areas.filter((area) => servesArea(actor, area.id)).map((area) => area.id);
    const { figures, asOfPosition } = await this.source.figures('areas', { areaIds, ...period }, (db, now) => areaKpis(db, areaIds, period, now));
    return figures.map((row) => ({ ...row, asOfPosition }));
  }
}
