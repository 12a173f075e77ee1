import { decide, type DecisionContext, type DecisionError } from '../decide';
import { foldIssue } from '../evolve';
import type { IssueCommand } from '../issueCommands';
import type { IssueEvent } from '../issueEvents';
import type { IssueStatus } from '../issueStatus';
import { admin, NOW } from './fixtures';

/** Given events, when a command, then events (and the status they lead to) or an error. */
export function given(events: IssueEvent[]) {
  return {
    when(command: IssueCommand, context: Partial<DecisionContext> = {}) {
      const result = decide(foldIssue(events), command, { actor: admin, now: NOW, ...context });
      return {
        thenEvents(expected: Array<Partial<IssueEvent>>) {
          if (!result.ok) throw new Error(`expected events, got error ${JSON.stringify(result.error)}`);
          expect(result.value).toEqual(expected.map((event) => expect.objectContaining(event)));
          return { andStatus: (status: IssueStatus) => expect(foldIssue([...events, ...result.value]).status).toBe(status) };
        },
        thenError(expected: Partial<DecisionError>) {
          if (result.ok) throw new Error(`expected an error, got events ${JSON.stringify(result.value)}`);
          expect(result.error).toEqual(expect.objectContaining(expected));
        },
      };
    },
  };
}
