import type { IssueCommandName } from '@app/lifecycle';
import type { TransitionBody } from '../../issues/commandBody.dto';
import {
  AddNoteDto,
  AssignOfficerDto,
  AwaitResidentDto,
  ConveneRoundtableDto,
  FeedBackOutcomeDto,
  RecordConfirmationDto,
  ReferIssueDto,
  ReopenIssueDto,
  ResidentRepliedDto,
  ResolveIssueDto,
  ScheduleBoardReviewDto,
  WithdrawIssueDto,
} from '../../issues/transitions/issueCommand.dtos';

/**
 * The body class of each command, by the contract's path name: an imported transition is checked
 * by the very class its HTTP route validates with, so the two can never accept different things.
 */
export const TRANSITION_BODIES: Readonly<Record<IssueCommandName, new () => TransitionBody>> = {
  refer: ReferIssueDto,
  'board-review': ScheduleBoardReviewDto,
  roundtable: ConveneRoundtableDto,
  resolve: ResolveIssueDto,
  'feed-back': FeedBackOutcomeDto,
  reopen: ReopenIssueDto,
  withdraw: WithdrawIssueDto,
  assign: AssignOfficerDto,
  notes: AddNoteDto,
  'await-resident': AwaitResidentDto,
  'resident-replied': ResidentRepliedDto,
  'record-confirmation': RecordConfirmationDto,
};
