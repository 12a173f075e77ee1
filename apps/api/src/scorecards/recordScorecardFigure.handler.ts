import { HttpStatus, Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Clock } from '@app/event-store';
import { decideScorecard, err, type RecordFigureData, type Result, type ScorecardFigureRecorded } from '@app/lifecycle';
import type { CommandContext } from '../issues/commandContext';
import type { CommandFailure } from '../issues/commandFailure';
import { CLOCK } from '../store/tokens';
import { AreaScorecardRepository } from './areaScorecardRepository';
import type { ScorecardFigureView } from './scorecardViews.dto';

export class RecordScorecardFigure {
  constructor(
    readonly areaId: string,
    readonly data: RecordFigureData,
    readonly expectedVersion: number | undefined,
    readonly context: CommandContext,
  ) {}
}

/** Load the area's stream, let the domain decide, append ScorecardFigureRecorded at the version decided on. */
@CommandHandler(RecordScorecardFigure)
export class RecordScorecardFigureHandler implements ICommandHandler<RecordScorecardFigure, Result<ScorecardFigureView, CommandFailure>> {
  constructor(
    private readonly scorecards: AreaScorecardRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: RecordScorecardFigure): Promise<Result<ScorecardFigureView, CommandFailure>> {
    const { areaId, data, expectedVersion, context } = command;
    if (!this.scorecards.isKnownArea(areaId)) return err({ kind: 'no-such-area' });
    const state = await this.scorecards.load(areaId);
    const decisionContext = { actor: context.actor, now: this.clock.now(), expectedVersion };
    const decided = decideScorecard(state, { type: 'record-figure', areaId, data }, decisionContext);
    if (!decided.ok) return decided;
    const recorded = decided.value.find((event): event is ScorecardFigureRecorded => event.type === 'ScorecardFigureRecorded');
    if (!recorded) throw new Error('a figure the domain accepted recorded no ScorecardFigureRecorded');
    const body: ScorecardFigureView = { areaId, version: state.version + decided.value.length, ...recorded.data };
    return this.scorecards.record(areaId, state, decided.value, context, { status: HttpStatus.CREATED, body });
  }
}
