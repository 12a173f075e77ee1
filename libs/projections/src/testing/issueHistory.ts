import { type CommandName, decide, foldIssue, type IssueCommand, type IssueEvent, type LogIssueData } from '@app/lifecycle';
import { sampleCommands } from '@app/lifecycle/testing/fixtures';

const admin = { kind: 'staff' as const, id: 'admin-1', role: 'admin' as const, areas: ['*'] };

/**
 * The events an issue records when these commands happen at these instants (the first is the
 * intake), decided by the domain itself so that specs hold only histories it would allow.
 */
export function history(steps: ReadonlyArray<readonly [CommandName, string]>, logged: Partial<LogIssueData> = {}, overrides: Partial<Record<CommandName, object>> = {}): IssueEvent[] {
  const events: IssueEvent[] = [];
  for (const [name, at] of steps) {
    const sample = sampleCommands[name];
    const data = name === 'log' ? { ...sample.data, ...logged } : { ...sample.data, ...overrides[name] };
    const command = { type: name, data } as IssueCommand;
    const result = decide(foldIssue(events), command, { actor: admin, now: new Date(at), occurredAt: at });
    if (!result.ok) throw new Error(`setting up: ${name} at ${at} refused: ${JSON.stringify(result.error)}`);
    events.push(...result.value);
  }
  return events;
}
