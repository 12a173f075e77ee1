import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { IssuesModule } from '../issues/issues.module';
import { AnswerOutcomeHandler } from './answers/answerOutcome.handler';
import { ResidentAnswersController } from './answers/residentAnswers.controller';
import { LettersController } from './letters.controller';
import { NotificationsController } from './notifications.controller';
import { ResidentNotifications } from './residentNotifications';

/**
 * Residents told of their issue's steps: the outbox as staff see it (messages, print queue, call
 * list) and the residents' answers to outcomes by the links in their messages. The outbox itself
 * (its projection and dispatcher) runs with the read side (ReadSideModule), or in projectors.
 */
@Module({
  imports: [CqrsModule, IssuesModule],
  controllers: [NotificationsController, LettersController, ResidentAnswersController],
  providers: [ResidentNotifications, AnswerOutcomeHandler],
})
export class NotificationsModule {}
