import type { Clock, StoredEvent } from '@app/event-store';
import { ManualClock } from '@app/event-store/testing/manualClock';
import { type CommandName, decide, foldIssue, type LogIssueData } from '@app/lifecycle';
import { admin, sampleCommands } from '@app/lifecycle/testing/fixtures';
import { issuesProjection } from '@app/projections';
import { history } from '@app/projections/testing/issueHistory';
import { type HarnessStore, newIssueId, ProjectionHarness } from '@app/projections/testing/projectionHarness';
import { fixedServiceLevels, SAMPLE_POLICY } from '@app/service-levels/testing/fixedServiceLevels';
import { streamIdOf, toIssueEvent } from '@app/streams';
import { DeadlineScheduler, type DeadlineSchedulerOptions } from '../deadlineScheduler';

export const registry = fixedServiceLevels();
export const POLICY_VERSION = SAMPLE_POLICY.version;

/** A real issues projection on a real store, a scheduler clock the spec moves, and the issues it logs. */
export class SchedulerSpec {
  readonly clock = new ManualClock(new Date('2026-03-02T09:00:00.000Z'));

  private constructor(readonly harness: ProjectionHarness) {}

  static async open(kind: HarnessStore): Promise<SchedulerSpec> {
    return new SchedulerSpec(await ProjectionHarness.open([issuesProjection({ serviceLevels: registry })], kind));
  }

  /** An issue logged at `loggedAt` under the sample policy (trowbridge highways: 2, 10 and 5 working days), then these commands; projected. */
  async issue(loggedAt: string, ...steps: ReadonlyArray<readonly [CommandName, string]>): Promise<string> {
    return this.issueIn({}, loggedAt, ...steps);
  }

  /** The same, logged with these details (another category, say). */
  async issueIn(logged: Partial<LogIssueData>, loggedAt: string, ...steps: ReadonlyArray<readonly [CommandName, string]>): Promise<string> {
    const id = newIssueId();
    await this.harness.given(id, history([['log', loggedAt]], { policyVersion: POLICY_VERSION, ...logged }));
    for (const [name, at] of steps) await this.command(id, name, at);
    await this.harness.settle();
    return id;
  }

  /** A command on the issue as its stream stands (the system's events included), projected. */
  async command(id: string, name: CommandName, at: string): Promise<void> {
    const state = foldIssue((await this.stream(id)).map(toIssueEvent));
    const decided = decide(state, sampleCommands[name], { actor: admin, now: new Date(at), occurredAt: at });
    if (!decided.ok) throw new Error(`setting up: ${name} at ${at} refused: ${JSON.stringify(decided.error)}`);
    await this.harness.given(id, decided.value);
    await this.harness.settle();
  }

  scheduler(options: Partial<DeadlineSchedulerOptions> = {}, clock: Clock = this.clock): DeadlineScheduler {
    return new DeadlineScheduler({ store: this.harness.store, db: this.harness.db, registry, clock, intervalMs: 20, ...options });
  }

  /** The clock at this instant. */
  at(instant: string): void {
    this.clock.advance(Date.parse(instant) - this.clock.now().getTime());
  }

  stream(id: string): Promise<StoredEvent[]> {
    return this.harness.store.readStream(streamIdOf(id));
  }

  /** The system's events in the issue's stream. */
  async systemEvents(id: string): Promise<StoredEvent[]> {
    return (await this.stream(id)).filter((event) => event.type === 'DeadlineMissed' || event.type === 'IssueEscalated');
  }

  close(): Promise<void> {
    return this.harness.close();
  }
}
