/**
 * Service-level deadlines, as the fold of an issue's events knows them. The fold records facts
 * only (when a clock started, paused, ended); what they mean on a given day (dueAt, state) is
 * worked out by `deadlineOf` with a working calendar and the injected clock's day.
 */
export const DEADLINE_KINDS = ['acknowledge', 'resolve', 'feedBack'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_STATES = ['running', 'paused', 'met', 'missed'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

/** A calendar day in Europe/London, `YYYY-MM-DD`. */
export type LondonDay = string;

/**
 * The clock does not run on the working days of [from, until): `until` is the day the pause
 * ended (not itself paused), or null while it lasts (paused up to and including today).
 */
export interface Pause {
  readonly from: LondonDay;
  readonly until: LondonDay | null;
}

/** One deadline of one issue: the facts it is judged by. */
export interface DeadlineClock {
  readonly kind: DeadlineKind;
  /** 0 for the first; a reopened issue's fresh resolve and feedBack clocks count on (1, 2, ...). */
  readonly cycle: number;
  /** The day of the event that started it (its occurredAt in London). */
  readonly startedOn: LondonDay;
  /** The day of the event that ended it, or null while it is still to be met. */
  readonly endedOn: LondonDay | null;
  readonly pauses: readonly Pause[];
  /** The day the issue was withdrawn, which stops the clock for good; null otherwise. */
  readonly stoppedOn: LondonDay | null;
  /** The stream already holds a DeadlineMissed for this deadline (kind and cycle). */
  readonly missedRecorded: boolean;
}

/** A deadline as the read model shows it (the contract's `deadlines` items). */
export interface DeadlineView {
  readonly kind: DeadlineKind;
  readonly dueAt: LondonDay;
  /** The target, in working days. */
  readonly workingDays: number;
  /** Paused working days added to the target. */
  readonly pausedDays: number;
  readonly state: DeadlineState;
}

/** Whether a day is a working day in the council's calendar (Monday to Friday, not a bank holiday). */
export interface WorkingCalendar {
  isWorkingDay(day: LondonDay): boolean;
}
