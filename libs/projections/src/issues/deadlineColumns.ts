import {
  type DeadlineKind,
  type DeadlineRules,
  type DeadlineState,
  type DeadlineView,
  deadlinesOf,
  type Issue,
  londonDay,
  nextDueDay,
  workingDaysBetween,
  type WorkingCalendar,
} from '@app/lifecycle';

/** What the issues table keeps of one deadline: its dueAt, and its state as the facts settle it. */
export interface DeadlineColumn {
  readonly due: string;
  /**
   * `met` or `missed` once ended or recorded missed (or stopped after dueAt), `paused` while a
   * resident is awaited or the issue is withdrawn before dueAt, else `running`: a running one
   * is missed once its due day is over, which only a read on a given day can tell.
   */
  readonly state: DeadlineState;
}

/** The deadline columns of an issue row (see issueRow.ts). */
export interface DeadlineColumns {
  /** The earliest due day among running deadlines: what the scheduler and sort=nextDeadline read. */
  readonly nextDue: string | null;
  readonly byKind: Readonly<Partial<Record<DeadlineKind, DeadlineColumn>>>;
  /** Working days from the logged day to the first resolution day; null until resolved. */
  readonly resolveWorkingDays: number | null;
}

/**
 * The deadlines as of the day of the issue's latest event. A row is only rewritten when an
 * event comes, so it keeps what no later day can change: a running deadline's dueAt is fixed
 * (a pause already scheduled, for a board meeting, is counted in it), while one a resident
 * holds has a dueAt that moves day by day, so it is `paused` and in no next due day until the
 * reply. A running deadline past its due day stays in `nextDue`: the scheduler still owes it its
 * DeadlineMissed.
 */
export function deadlineColumns(state: Issue, rules: DeadlineRules | null, calendar: WorkingCalendar, firstResolvedAt: string | null): DeadlineColumns {
  const asOf = londonDay(state.updatedAt);
  const views = deadlinesOf(state, rules, asOf).map((view, i): DeadlineView => ({ ...view, state: settledState(state, i, view) }));
  return {
    nextDue: nextDueDay(views),
    byKind: Object.fromEntries(views.map((view) => [view.kind, { due: view.dueAt, state: view.state }])),
    resolveWorkingDays: firstResolvedAt === null ? null : workingDaysBetween(calendar, londonDay(state.loggedAt), londonDay(firstResolvedAt)),
  };
}

function settledState(state: Issue, index: number, view: DeadlineView): DeadlineState {
  const clock = state.deadlineClocks[index];
  // Ended or stopped: deadlineOf judges it as of that day, which no later day changes.
  if (clock.endedOn !== null || clock.stoppedOn !== null) return view.state;
  if (clock.missedRecorded) return 'missed';
  const heldByResident = clock.pauses.some((pause) => pause.until === null);
  return heldByResident && view.state === 'paused' ? 'paused' : 'running';
}
