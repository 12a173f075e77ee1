import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@app/lifecycle';
import { officerKpis } from '@app/projections';
import type { Settings } from '../config/settings';
import { SETTINGS } from '../store/tokens';
import { KpiSource } from './kpiSource';
import { kpiFilterOf } from './kpiScope';
import type { KpiQuery } from './kpiQuery.dto';
import type { OfficerKpisView } from './kpiViews.dto';

export class GetOfficerKpis {
  constructor(
    readonly query: KpiQuery,
    readonly actor: Actor,
  ) {}
}

/** Each current officer's assigned, resolved and overdue issues among the caller's. */
@QueryHandler(GetOfficerKpis)
export class GetOfficerKpisHandler implements IQueryHandler<GetOfficerKpis, OfficerKpisView[]> {
  constructor(
    private readonly source: KpiSource,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async execute({ query, actor }: GetOfficerKpis): Promise<OfficerKpisView[]> {
    const filter = kpiFilterOf(query, actor, this.settings.areas);
    return (await this.source.figures('officers', filter, (db, now) => officerKpis(db, filter, now))).figures;
  }
}
