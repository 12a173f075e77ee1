import { type Actor, decide, type DecisionError, err, evolve, type IssueCommand, type IssueEvent, type IssueState, NO_ISSUE, ok, type Result } from '@app/lifecycle';
import type { ImportLine } from './importLine';

export interface ImportDecisionContext {
  /** The admin importing: admin may date events far back, never into the future. */
  readonly actor: Actor;
  readonly now: Date;
  /** The service-level policy in force, which the imported issue keeps as a new one would; none: no deadlines. */
  readonly policyVersion?: string;
}

/**
 * Every event of an imported issue, decided in memory in order by the lifecycle's own `decide`,
 * each transition on the state the previous ones left, as if run one by one through HTTP.
 * Nothing is stored unless all of them pass: the first refusal is the line's message.
 */
export function decideImportedIssue(line: ImportLine, reference: string, { policyVersion, ...context }: ImportDecisionContext): Result<IssueEvent[], string> {
  const { location, raisedBy, ...fields } = line.issue;
  // Built as intake builds it (LogIssueHandler): copies, so the DTO instances are never stored.
  const log: IssueCommand = {
    type: 'log',
    data: { ...fields, reference, raisedBy: { ...raisedBy }, ...(location && { location: { ...location } }), ...(policyVersion !== undefined && { policyVersion }) },
  };
  const logged = decide(NO_ISSUE, log, { ...context, occurredAt: line.loggedAt });
  if (!logged.ok) return err(`issue.loggedAt: ${messageOf(logged.error)}`);

  const events: IssueEvent[] = [...logged.value];
  let state: IssueState = logged.value.reduce(evolve, NO_ISSUE as IssueState);
  for (const [index, { command, occurredAt }] of line.transitions.entries()) {
    const decided = decide(state, command, { ...context, occurredAt });
    if (!decided.ok) return err(`transitions[${index}] (${command.type}): ${messageOf(decided.error)}`);
    events.push(...decided.value);
    state = decided.value.reduce(evolve, state);
  }
  return ok(events);
}

/** The refusal in the words the HTTP answer would use (commandFailure.ts). */
function messageOf(error: DecisionError): string {
  switch (error.kind) {
    case 'illegal-transition':
      return `${error.command} is not allowed while the issue is ${error.status} (allowed: ${error.allowedCommands.join(', ') || 'none'})`;
    case 'invalid-occurred-at':
    case 'forbidden':
    case 'unauthenticated':
      return error.message;
    case 'not-found':
      return 'no such issue';
    case 'version-conflict':
      return `the issue is at version ${error.currentVersion}, not ${error.expectedVersion}`;
  }
}
