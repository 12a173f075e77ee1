import type { IssueCommand, IssueCommandName } from '@app/lifecycle';
import type { LogIssueDto } from '../../issues/intake/logIssue.dto';

/** A workflow command on an existing issue (the contract's path names), as the lifecycle takes it. */
export type TransitionCommand = Extract<IssueCommand, { type: IssueCommandName }>;

/** One transition of an imported issue, dated: an import records history, it does not make it. */
export interface ImportedTransition {
  readonly command: TransitionCommand;
  readonly occurredAt: string;
}

/**
 * One line of an import file once it has passed the same validation as the HTTP commands:
 * the intake body, the day it was logged, and what happened to it since, in order.
 */
export interface ImportLine {
  readonly issue: Omit<LogIssueDto, 'occurredAt'>;
  readonly loggedAt: string;
  readonly transitions: readonly ImportedTransition[];
}
