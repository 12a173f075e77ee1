import type { DeadlineView, LondonDay, WorkingCalendar } from './deadlines/deadlineClock';
import { awaitsMissedRecord, deadlineOf } from './deadlines/deadlineOf';
import { londonDay } from './deadlines/londonDay';
import type { Targets } from './deadlines/serviceLevelPolicy';
import type { DeadlineMissed, IssueEscalated } from './issueEvents';
import type { Issue } from './issueState';
import { canTake } from './machineQueries';

/** What an issue's deadlines are judged by: the targets its policy version sets for its area and category, and the region's calendar. */
export interface DeadlineRules {
  readonly policyVersion: string;
  readonly targets: Targets;
  readonly calendar: WorkingCalendar;
}

/** The issue's current deadlines as the read model shows them on `today` (none without a policy). */
export function deadlinesOf(issue: Issue, rules: DeadlineRules | null, today: LondonDay): DeadlineView[] {
  if (rules === null || issue.policyVersion === null) return [];
  return issue.deadlineClocks.map((clock) => deadlineOf(clock, rules.targets[clock.kind], rules.calendar, today));
}

/**
 * What the system records now for the issue's deadlines that have passed unmet and have no
 * DeadlineMissed yet: DeadlineMissed and IssueEscalated (to the area's board chair) for each,
 * oldest first. A withdrawn issue's deadlines have stopped; one ended late shows missed without
 * them. Empty when there is nothing to record, so running it twice records nothing more.
 */
export function missedDeadlineEvents(issue: Issue, rules: DeadlineRules | null, now: Date): Array<DeadlineMissed | IssueEscalated> {
  if (rules === null || issue.policyVersion === null) return [];
  if (!canTake(issue.workflowVersion, issue, 'DeadlineMissed')) return [];
  const today = londonDay(now);
  // Never dated before the issue's last recorded step, so its history reads in order.
  const occurredAt = new Date(Math.max(now.getTime(), Date.parse(issue.updatedAt))).toISOString();
  const due = issue.deadlineClocks
    .map((clock) => ({ clock, view: deadlineOf(clock, rules.targets[clock.kind], rules.calendar, today) }))
    .filter(({ clock, view }) => awaitsMissedRecord(clock, view))
    .sort((a, b) => (a.view.dueAt < b.view.dueAt ? -1 : a.view.dueAt > b.view.dueAt ? 1 : 0));
  return due.flatMap(({ clock, view }): Array<DeadlineMissed | IssueEscalated> => [
    { type: 'DeadlineMissed', occurredAt, data: { kind: clock.kind, dueAt: view.dueAt, policyVersion: issue.policyVersion!, cycle: clock.cycle } },
    { type: 'IssueEscalated', occurredAt, data: { to: 'boardChair', kind: clock.kind, cycle: clock.cycle } },
  ]);
}
