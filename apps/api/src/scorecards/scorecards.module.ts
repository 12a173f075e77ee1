import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AreaScorecardRepository } from './areaScorecardRepository';
import { ChooseScorecardHandler } from './chooseScorecard.handler';
import { GetAreaScorecardHandler } from './getAreaScorecard.handler';
import { RecordScorecardFigureHandler } from './recordScorecardFigure.handler';
import { ScorecardController } from './scorecard.controller';
import { ScorecardReadController } from './scorecardRead.controller';

const commandHandlers = [ChooseScorecardHandler, RecordScorecardFigureHandler];

/** Area scorecards: events in each area's own stream (`area-<areaId>`), through the same store. */
@Module({
  imports: [CqrsModule],
  controllers: [ScorecardController, ScorecardReadController],
  providers: [AreaScorecardRepository, ...commandHandlers, GetAreaScorecardHandler],
})
export class ScorecardsModule {}
