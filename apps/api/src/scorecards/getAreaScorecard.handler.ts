import { Inject, NotFoundException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Clock } from '@app/event-store';
import { areaScorecard, ISSUES_PROJECTION, type ProjectionHost, type ReadModelDb, scorecardsProjection } from '@app/projections';
import { CLOCK, PROJECTION_HOST, READ_MODELS } from '../store/tokens';
import { AreaScorecardRepository } from './areaScorecardRepository';
import type { AreaScorecardView } from './areaScorecard.dto';

export class GetAreaScorecard {
  constructor(
    readonly areaId: string,
    readonly quarters: number,
  ) {}
}

/** An area's scorecard, for anyone: chosen indicators and recorded figures, plus values computed from its issues. */
@QueryHandler(GetAreaScorecard)
export class GetAreaScorecardHandler implements IQueryHandler<GetAreaScorecard, AreaScorecardView> {
  constructor(
    private readonly areas: AreaScorecardRepository,
    @Inject(READ_MODELS) private readonly db: ReadModelDb,
    @Inject(PROJECTION_HOST) private readonly host: ProjectionHost,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ areaId, quarters }: GetAreaScorecard): Promise<AreaScorecardView> {
    if (!this.areas.isKnownArea(areaId)) throw new NotFoundException('no area with this id');
    // The positions first: the rows read after them are at least that fresh. The card reads two
    // projections, so it is as fresh as the one further behind.
    const positions = await Promise.all([this.host.positionOf(scorecardsProjection.name), this.host.positionOf(ISSUES_PROJECTION)]);
    const card = await areaScorecard(this.db, areaId, this.clock.now(), quarters);
    return {
      ...card,
      quarters: [...card.quarters],
      indicators: card.indicators.map((indicator) => ({ ...indicator, values: [...indicator.values] })),
      asOfPosition: Math.min(...positions),
    };
  }
}
