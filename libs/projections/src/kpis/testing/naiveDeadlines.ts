import {
  bankHolidayCalendar,
  type DeadlineClock,
  type DeadlineKind,
  deadlineOf,
  type DeadlineState,
  type IssueEvent,
  type Pause,
  type ServiceLevelPolicy,
  targetsFor,
  type WorkingCalendar,
} from '@app/lifecycle';

/**
 * An issue's deadlines as the contract tells them, read straight off its events (not through
 * the domain's fold), then judged by `deadlineOf` on a given day: the KPIs' `sla` to check the
 * database's against.
 */
export interface NaiveDeadlines {
  readonly clocks: readonly DeadlineClock[];
  /** Target working days per kind; null without a policy (no deadlines). */
  readonly targets: Readonly<Record<DeadlineKind, number>> | null;
  readonly calendar: WorkingCalendar;
  /** Working days from the logged day to the first resolution day, counted one by one. */
  readonly workingDaysToResolve: number | null;
}

const dayOf = (instant: string) => new Date(instant).toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
const NOT_ACKNOWLEDGING = ['IssueLogged', 'NoteAdded', 'WorkflowUpgraded', 'PersonalDataErased', 'DeadlineMissed', 'IssueEscalated'];
const LEAVING_BOARD_REVIEW = ['IssueReferred', 'RoundtableConvened', 'IssueResolved', 'IssueWithdrawn'];

/** `policies[0]` is in force: its calendar counts the working days of an issue without a policy. */
export function naiveDeadlinesOf(events: readonly IssueEvent[], policies: readonly ServiceLevelPolicy[]): NaiveDeadlines {
  const [logged] = events;
  if (logged.type !== 'IssueLogged') throw new Error('a history starts with IssueLogged');
  const policy = policies.find((candidate) => candidate.version === logged.data.policyVersion) ?? null;
  const calendar = bankHolidayCalendar((policy ?? policies[0]).region);
  const firstResolved = events.find((event) => event.type === 'IssueResolved');
  return {
    clocks: policy === null ? [] : clocksOf(events),
    targets: policy === null ? null : targetsFor(policy, logged.data.areaId, logged.data.category),
    calendar,
    workingDaysToResolve: firstResolved ? countWorkingDays(calendar, dayOf(logged.occurredAt), dayOf(firstResolved.occurredAt)) : null,
  };
}

/** met, missed, running or paused on `today`; none for an issue without a policy. */
export function naiveStates(deadlines: NaiveDeadlines, today: string): Array<{ kind: DeadlineKind; state: DeadlineState }> {
  const { targets } = deadlines;
  if (targets === null) return [];
  return deadlines.clocks.map((clock) => ({ kind: clock.kind, state: deadlineOf(clock, targets[clock.kind], deadlines.calendar, today).state }));
}

function clocksOf(events: readonly IssueEvent[]): DeadlineClock[] {
  const acknowledged = events.find((event) => !NOT_ACKNOWLEDGING.includes(event.type));
  const acknowledge = clock('acknowledge', 0, dayOf(events[0].occurredAt), acknowledged ? dayOf(acknowledged.occurredAt) : null, [], null);
  // The current cycle: from the last reopening (or the logging) on.
  const reopenings = events.filter((event) => event.type === 'IssueReopened');
  const cycle = reopenings.length;
  const start = events.lastIndexOf(reopenings[cycle - 1] ?? events[0]);
  const current = events.slice(start);
  const resolvedAt = current.findIndex((event) => event.type === 'IssueResolved');
  const withdrawnAt = current.findIndex((event) => event.type === 'IssueWithdrawn');
  const resolveEnd = resolvedAt >= 0 ? resolvedAt : withdrawnAt >= 0 ? withdrawnAt : current.length;
  const resolve = clock(
    'resolve',
    cycle,
    dayOf(current[0].occurredAt),
    resolvedAt >= 0 ? dayOf(current[resolvedAt].occurredAt) : null,
    pausesOf(current.slice(0, resolveEnd + 1), resolveEnd),
    resolvedAt < 0 && withdrawnAt >= 0 ? dayOf(current[withdrawnAt].occurredAt) : null,
  );
  if (resolvedAt < 0) return [acknowledge, resolve];
  const afterResolved = current.slice(resolvedAt);
  const fedBack = afterResolved.find((event) => event.type === 'OutcomeFedBack');
  const withdrawn = afterResolved.find((event) => event.type === 'IssueWithdrawn');
  const feedBack = clock('feedBack', cycle, dayOf(afterResolved[0].occurredAt), fedBack ? dayOf(fedBack.occurredAt) : null, [], !fedBack && withdrawn ? dayOf(withdrawn.occurredAt) : null);
  return [acknowledge, resolve, feedBack];
}

/** The resolve clock's pauses: waiting for a resident, and a board meeting still ahead. `end` is the index of its ending event, if any. */
function pausesOf(events: readonly IssueEvent[], end: number): Pause[] {
  const endDay = end < events.length ? dayOf(events[end].occurredAt) : null;
  const pauses: Pause[] = [];
  events.forEach((event, i) => {
    if (i === end) return;
    const from = dayOf(event.occurredAt);
    const later = events.slice(i + 1);
    if (event.type === 'ResidentAsked') {
      const replied = later.find((next) => next.type === 'ResidentReplied');
      pauses.push({ from, until: replied ? dayOf(replied.occurredAt) : endDay });
    }
    if (event.type === 'BoardReviewScheduled') {
      const meeting = event.data.meetingDate.slice(0, 10);
      if (meeting <= from) return;
      const left = later.find((next) => LEAVING_BOARD_REVIEW.includes(next.type));
      const leftOn = left ? dayOf(left.occurredAt) : null;
      pauses.push({ from, until: leftOn !== null && leftOn < meeting ? (leftOn > from ? leftOn : from) : meeting });
    }
  });
  return pauses;
}

const clock = (kind: DeadlineKind, cycle: number, startedOn: string, endedOn: string | null, pauses: Pause[], stoppedOn: string | null): DeadlineClock => ({
  kind,
  cycle,
  startedOn,
  endedOn,
  pauses,
  stoppedOn,
  missedRecorded: false,
});

function countWorkingDays(calendar: WorkingCalendar, from: string, to: string): number {
  let count = 0;
  for (let at = Date.parse(`${from}T00:00:00Z`) + 86_400_000; at <= Date.parse(`${to}T00:00:00Z`); at += 86_400_000) {
    if (calendar.isWorkingDay(new Date(at).toISOString().slice(0, 10))) count++;
  }
  return count;
}
