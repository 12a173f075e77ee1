/** Issues raised by each channel. */
export class ChannelCountsView {
  online: number;
  email: number;
  phone: number;
  letter: number;
  meeting: number;
}

/** Issues now in each status (every status, zeros included). */
export class StatusCountsView {
  logged: number;
  referred: number;
  boardReview: number;
  roundtable: number;
  resolved: number;
  fedBack: number;
  withdrawn: number;
  /** Waiting for the resident's answer (workflow version 2). */
  awaitingResident: number;
}

/** One kind of deadline over the issues counted (Europe/London days). */
export class SlaFiguresView {
  /** Deadlines whose ending event came on or before their dueAt. */
  met: number;
  /** Deadlines recorded missed, ended late, or still running with their dueAt day over. */
  missed: number;
  /** met / (met + missed), 0–1 to 4 decimals; 0 when there is neither. Running and paused deadlines are in neither. */
  rate: number;
}

/** Met and missed deadlines of each kind; issues logged without a service-level policy have none. */
export class SlaView {
  /** Logged → the first command other than notes and upgrade-workflow. */
  acknowledge: SlaFiguresView;
  /** Logged (or reopened) → resolved: the current cycle's deadline. */
  resolve: SlaFiguresView;
  /** Resolved → fed back: the current cycle's deadline. */
  feedBack: SlaFiguresView;
}

export class MonthlyKpiView {
  /** YYYY-MM (UTC). */
  month: string;
  /** Issues logged in the month. */
  raised: number;
  /** Issues first resolved in the month (a later reopening does not take it back). */
  resolved: number;
}

/** The dashboard's figures over the issues whose loggedAt is in [from, to). Rates are 0–1 to 4 decimals, 0 when the divisor is 0. */
export class KpiFiguresView {
  raised: number;
  byChannel: ChannelCountsView;
  /** (online + email) / raised. */
  electronicShare: number;
  byStatus: StatusCountsView;
  /** Now resolved or fed back. */
  resolved: number;
  /** resolved / (raised − withdrawn). */
  resolutionRate: number;
  /** Days from loggedAt to the first IssueResolved, nearest-rank median, 2 decimals; null when none is resolved. */
  medianDaysToResolve: number | null;
  /** The same, 90th percentile by nearest rank. */
  p90DaysToResolve: number | null;
  /** Now fed back / resolved. */
  fedBackRate: number;
  /** Days from the first resolution to the first OutcomeFedBack, nearest-rank median, 2 decimals; null when none. */
  medianDaysToFeedBack: number | null;
  /** Issues whose resident confirmed an outcome at least once (OutcomeConfirmed) / issues ever fed back. */
  confirmedRate: number;
  /** Issues whose resident disputed an outcome at least once (OutcomeDisputed, which reopens it) / issues ever fed back. */
  disputedRate: number;
  /** Issues that ever reached boardReview. */
  boardReviews: number;
  /** Issues that ever reached roundtable / boardReviews. */
  roundtableRate: number;
  /** Open issues whose dueBy day (Europe/London) is over, as GET /issues?overdue=true counts them. */
  overdue: number;
  /** Every month with an issue raised or first resolved, ascending. */
  monthly: MonthlyKpiView[];
  sla: SlaView;
  /** Working days from the logged day to the first resolution day (its policy's calendar), nearest-rank median, 2 decimals; null when none is resolved. */
  medianWorkingDaysToResolve: number | null;
}

export class KpisView extends KpiFiguresView {
  /** The global position of the last event the figures include (read before them: they are at least this fresh). */
  asOfPosition: number;
}

export class AreaKpisView extends KpisView {
  areaId: string;
}

export class OfficerKpisView {
  /** The current officer of the issues. */
  officer: string;
  /** Issues they are the current officer of. */
  assigned: number;
  /** Of those, now resolved or fed back. */
  resolved: number;
  /** Of those, open with their dueBy day over. */
  overdue: number;
  /** Of those, the deadlines met and missed. */
  sla: SlaView;
}

export class ResolutionTimeBucketView {
  /** "< 1 day", "1–7 days", "7–30 days", "30–90 days" or "> 90 days". */
  label: string;
  /** Days from loggedAt to the first resolution, at least this… */
  from: number;
  /** …and less than this; null for the last bucket. */
  to: number | null;
  count: number;
}

export class ResolutionTimesView {
  buckets: ResolutionTimeBucketView[];
  asOfPosition: number;
}
