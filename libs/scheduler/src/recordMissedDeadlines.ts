import type { Clock, EventStore } from '@app/event-store';
import { type DeadlineMissed, evolve, foldIssue, type Issue, type IssueEscalated, missedDeadlineEvents, SYSTEM_ACTOR } from '@app/lifecycle';
import type { ServiceLevelRegistry } from '@app/service-levels';
import { streamIdOf, toIssueEvent, toNewEvents } from '@app/streams';
import { deadlineEventIds, deadlineKeyOf, type DeadlineRef } from './deadlineEventIds';
import { isAlreadyRecorded, isVersionConflict } from './storeRefusals';

export interface RecorderDeps {
  readonly store: Pick<EventStore, 'readStream' | 'append'>;
  readonly registry: ServiceLevelRegistry;
  readonly clock: Clock;
  /** Reads and decisions again after a concurrent append, before giving up until the next tick. */
  readonly maxAttempts: number;
}

export interface RecordOutcome {
  /** Deadlines this call recorded (each a DeadlineMissed and its IssueEscalated). */
  readonly recorded: number;
  /** The stream's version once nothing is left to record now (0: no such stream). */
  readonly version: number;
}

type MissedPair = readonly [DeadlineMissed, IssueEscalated];

/**
 * Records what the issue's stream owes for deadlines that passed unmet: each deadline's pair in
 * one append at the version it was decided on, with ids the store takes once. A concurrent
 * append means reading and deciding again; a deadline found recorded by another is left alone.
 */
export async function recordMissedDeadlines(deps: RecorderDeps, issueId: string, correlationId: string): Promise<RecordOutcome> {
  const { store, registry, clock } = deps;
  const stream = streamIdOf(issueId);
  const takenByOthers = new Set<string>();
  let recorded = 0;
  for (let attempt = 1; ; attempt++) {
    const stored = await store.readStream(stream);
    const state = foldIssue(stored.map(toIssueEvent));
    if (state.status === 'none') return { recorded, version: 0 };
    if (state.policyVersion !== null) await registry.ensureKnown([state.policyVersion]);
    const pairs = pairsOf(missedDeadlineEvents(state, registry.rulesFor(state), clock.now())).filter(
      ([missed]) => !takenByOthers.has(deadlineKeyOf(refOf(issueId, missed))),
    );
    let issue: Issue = state;
    let refused = false;
    for (const pair of pairs) {
      const deadline = refOf(issueId, pair[0]);
      const ids = deadlineEventIds(deadline);
      const events = toNewEvents(issue, pair, { actor: SYSTEM_ACTOR, correlationId, causationId: ids[0] }, ids);
      try {
        await store.append(stream, events, issue.version);
      } catch (error) {
        if (isAlreadyRecorded(error)) takenByOthers.add(deadlineKeyOf(deadline));
        else if (!isVersionConflict(error)) throw error;
        refused = true;
        break;
      }
      issue = pair.reduce<Issue>((folded, event) => evolve(folded, event), issue);
      recorded += 1;
    }
    if (!refused) return { recorded, version: issue.version };
    if (attempt >= deps.maxAttempts) throw new Error(`issue ${issueId}: its stream kept changing under ${attempt} attempts; trying again next tick`);
  }
}

const refOf = (issueId: string, missed: DeadlineMissed): DeadlineRef => ({ issueId, kind: missed.data.kind, cycle: missed.data.cycle });

/** missedDeadlineEvents gives each deadline's DeadlineMissed followed by its IssueEscalated. */
function pairsOf(events: ReadonlyArray<DeadlineMissed | IssueEscalated>): MissedPair[] {
  const pairs: MissedPair[] = [];
  for (let index = 0; index + 1 < events.length; index += 2) {
    const [missed, escalated] = [events[index], events[index + 1]];
    if (missed.type !== 'DeadlineMissed' || escalated.type !== 'IssueEscalated') throw new Error('missed-deadline events out of pairs');
    pairs.push([missed, escalated]);
  }
  return pairs;
}
