import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@app/lifecycle';
import { computeKpis } from '@app/projections';
import type { Settings } from '../config/settings';
import { SETTINGS } from '../store/tokens';
import { KpiSource } from './kpiSource';
import { kpiFilterOf } from './kpiScope';
import type { KpiQuery } from './kpiQuery.dto';
import type { KpisView } from './kpiViews.dto';

export class GetKpis {
  constructor(
    readonly query: KpiQuery,
    readonly actor: Actor,
  ) {}
}

/** The dashboard's figures over the caller's areas (or one of them) and a period. */
@QueryHandler(GetKpis)
export class GetKpisHandler implements IQueryHandler<GetKpis, KpisView> {
  constructor(
    private readonly source: KpiSource,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async execute({ query, actor }: GetKpis): Promise<KpisView> {
    const filter = kpiFilterOf(query, actor, this.settings.areas);
    const { figures, asOfPosition } = await this.source.figures('kpis', filter, (db, now) => computeKpis(db, filter, now));
    return { ...figures, asOfPosition };
  }
}
