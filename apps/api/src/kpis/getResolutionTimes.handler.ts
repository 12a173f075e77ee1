import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@app/lifecycle';
import { resolutionTimes } from '@app/projections';
import type { Settings } from '../config/settings';
import { SETTINGS } from '../store/tokens';
import { KpiSource } from './kpiSource';
import { kpiFilterOf } from './kpiScope';
import type { KpiQuery } from './kpiQuery.dto';
import type { ResolutionTimesView } from './kpiViews.dto';

export class GetResolutionTimes {
  constructor(
    readonly query: KpiQuery,
    readonly actor: Actor,
  ) {}
}

/** The distribution of days to first resolution, for the dashboard's chart. */
@QueryHandler(GetResolutionTimes)
export class GetResolutionTimesHandler implements IQueryHandler<GetResolutionTimes, ResolutionTimesView> {
  constructor(
    private readonly source: KpiSource,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async execute({ query, actor }: GetResolutionTimes): Promise<ResolutionTimesView> {
    const filter = kpiFilterOf(query, actor, this.settings.areas);
    const { figures, asOfPosition } = await this.source.figures('resolution-times', filter, (db) => resolutionTimes(db, filter));
    return { buckets: figures, asOfPosition };
  }
}
