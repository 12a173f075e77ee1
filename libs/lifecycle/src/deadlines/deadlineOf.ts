import type { DeadlineClock, DeadlineState, DeadlineView, LondonDay, Pause, WorkingCalendar } from './deadlineClock';
import { addDays, earlierDay } from './londonDay';

/**
 * How far a walk goes: no target is a tenth of it, so only a pause lasting decades (a board
 * meeting dated far ahead) reaches it. The walk then stops there, and dueAt shows that day: the
 * deadline is not due before it. Stored history is judged whatever it holds: never an error.
 */
export const MAX_WALK_DAYS = 20 * 366;

/**
 * What a deadline's facts mean on `today`: its dueAt (the Nth working day after it started, one
 * more for each paused working day) and its state. A pause still running counts up to the clock's
 * as-of day, so dueAt shows where it would fall if the clock resumed the next day.
 */
export function deadlineOf(
  clock: DeadlineClock,
  workingDays: number,
  calendar: WorkingCalendar,
  today: LondonDay,
): DeadlineView {
  if (!Number.isInteger(workingDays) || workingDays < 0) {
    throw new RangeError(`a target must be a whole number of working days, got ${workingDays}`);
  }
  const asOf = asOfDay(clock, today);
  const isPaused = (day: LondonDay) => pausedOn(clock.pauses, day, asOf);

  // The start day is not among the N days after it, so a pause covering it is made up separately.
  let pausedDays = calendar.isWorkingDay(clock.startedOn) && isPaused(clock.startedOn) ? 1 : 0;
  const needed = workingDays + pausedDays;
  let counted = 0;
  let dueAt = clock.startedOn;
  for (let walked = 0; counted < needed; walked++) {
    if (walked >= MAX_WALK_DAYS) break;
    dueAt = addDays(dueAt, 1);
    if (!calendar.isWorkingDay(dueAt)) continue;
    if (isPaused(dueAt)) pausedDays++;
    else counted++;
  }
  return { kind: clock.kind, dueAt, workingDays, pausedDays, state: stateOf(clock, dueAt, today, isPaused) };
}

/**
 * The last day an ongoing pause is known to cover: today, or the day the clock stopped or ended
 * if earlier (a withdrawn or finished clock does not keep pausing, so its dueAt holds still).
 */
function asOfDay(clock: DeadlineClock, today: LondonDay): LondonDay {
  let asOf = today;
  if (clock.stoppedOn !== null) asOf = earlierDay(asOf, clock.stoppedOn);
  if (clock.endedOn !== null) asOf = earlierDay(asOf, clock.endedOn);
  return asOf;
}

function pausedOn(pauses: readonly Pause[], day: LondonDay, asOf: LondonDay): boolean {
  return pauses.some((pause) => pause.from <= day && (pause.until === null ? day <= asOf : day < pause.until));
}

function stateOf(
  clock: DeadlineClock,
  dueAt: LondonDay,
  today: LondonDay,
  isPaused: (day: LondonDay) => boolean,
): DeadlineState {
  if (clock.endedOn !== null) return clock.endedOn <= dueAt ? 'met' : 'missed';
  // A withdrawn issue's clock stops for good: missed if it had already passed, else it waits.
  if (clock.stoppedOn !== null) return clock.stoppedOn > dueAt ? 'missed' : 'paused';
  if (clock.missedRecorded || today > dueAt) return 'missed';
  return isPaused(today) ? 'paused' : 'running';
}

/** The earliest dueAt among running deadlines, or null: the work queue sorts by it. */
export function nextDueDay(views: readonly DeadlineView[]): LondonDay | null {
  let next: LondonDay | null = null;
  for (const view of views) {
    if (view.state === 'running' && (next === null || view.dueAt < next)) next = view.dueAt;
  }
  return next;
}

/**
 * Whether the system still owes this deadline its DeadlineMissed: it has passed while the issue
 * was open, its ending event has not happened, and none is recorded yet.
 */
export function awaitsMissedRecord(clock: DeadlineClock, view: DeadlineView): boolean {
  return view.state === 'missed' && clock.endedOn === null && clock.stoppedOn === null && !clock.missedRecorded;
}
