import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@app/event-store';
import type { ProjectionHost, ReadModelDb } from '@app/projections';
import { CLOCK, PROJECTION_HOST, READ_MODELS } from '../store/tokens';
import { figuresKey, FiguresMemo } from './figuresMemo';

/**
 * What every KPI query does: figures of the issues read model at its current position, computed
 * once per position, London day and filter (FiguresMemo), with the position they are as of.
 */
@Injectable()
export class KpiSource {
  constructor(
    @Inject(READ_MODELS) private readonly db: ReadModelDb,
    @Inject(PROJECTION_HOST) private readonly host: ProjectionHost,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly memo: FiguresMemo,
  ) {}

  async figures<T>(what: string, filter: object, compute: (db: ReadModelDb, now: Date) => Promise<T>): Promise<{ figures: T; asOfPosition: number }> {
    // The position first: the figures read after it are at least that fresh.
    const asOfPosition = await this.host.positionOf('issues');
    const now = this.clock.now();
    const figures = await this.memo.get(figuresKey(what, asOfPosition, now, filter), () => compute(this.db, now));
    return { figures, asOfPosition };
  }
}
