import { HttpStatus, Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Clock } from '@app/event-store';
import { type ChooseScorecardData, decideScorecard, err, type Result, type ScorecardChosen } from '@app/lifecycle';
import type { CommandContext } from '../issues/commandContext';
import type { CommandFailure } from '../issues/commandFailure';
import { CLOCK } from '../store/tokens';
import { AreaScorecardRepository } from './areaScorecardRepository';
import type { ScorecardChoiceView } from './scorecardViews.dto';

export class ChooseScorecard {
  constructor(
    readonly areaId: string,
    readonly data: ChooseScorecardData,
    readonly expectedVersion: number | undefined,
    readonly context: CommandContext,
  ) {}
}

/** Load the area's stream, let the domain decide, append ScorecardChosen at the version decided on. */
@CommandHandler(ChooseScorecard)
export class ChooseScorecardHandler implements ICommandHandler<ChooseScorecard, Result<ScorecardChoiceView, CommandFailure>> {
  constructor(
    private readonly scorecards: AreaScorecardRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: ChooseScorecard): Promise<Result<ScorecardChoiceView, CommandFailure>> {
    const { areaId, data, expectedVersion, context } = command;
    if (!this.scorecards.isKnownArea(areaId)) return err({ kind: 'no-such-area' });
    const state = await this.scorecards.load(areaId);
    const decisionContext = { actor: context.actor, now: this.clock.now(), expectedVersion };
    const decided = decideScorecard(state, { type: 'choose-scorecard', areaId, data }, decisionContext);
    if (!decided.ok) return decided;
    const chosen = decided.value.find((event): event is ScorecardChosen => event.type === 'ScorecardChosen');
    if (!chosen) throw new Error('a choice the domain accepted recorded no ScorecardChosen');
    const { indicators, chosenAt, note } = chosen.data;
    const body: ScorecardChoiceView = { areaId, version: state.version + decided.value.length, indicators: [...indicators], chosenAt, note };
    return this.scorecards.record(areaId, state, decided.value, context, { status: HttpStatus.OK, body });
  }
}
