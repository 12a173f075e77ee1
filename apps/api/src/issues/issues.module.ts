import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { MeetingsModule } from '../meetings/meetings.module';
import { IssueRepository } from './issueRepository';
import { LogIssueHandler } from './intake/logIssue.handler';
import { ReferenceNumbers } from './intake/referenceNumbers';
import { GetIssueHandler } from './read/getIssue.handler';
import { GetIssueTimelineHandler } from './read/getIssueTimeline.handler';
import { IssuesController } from './read/issues.controller';
import { ListIssuesHandler } from './read/listIssues.handler';
import { IssueCommandsController } from './transitions/issueCommands.controller';
import { RunIssueCommandHandler } from './transitions/runIssueCommand.handler';

const commandHandlers = [LogIssueHandler, RunIssueCommandHandler];
const queryHandlers = [GetIssueHandler, GetIssueTimelineHandler, ListIssuesHandler];

@Module({
  // The meeting a command names is checked before the domain decides (MeetingCheck).
  imports: [CqrsModule, MeetingsModule],
  controllers: [IssueCommandsController, IssuesController],
  providers: [IssueRepository, ReferenceNumbers, ...commandHandlers, ...queryHandlers],
  exports: [IssueRepository],
})
export class IssuesModule {}
