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
  /** Issues that ever reached boardReview. */
  boardReviews: number;
  /** Issues that ever reached roundtable / boardReviews. */
  roundtableRate: number;
  /** Open issues whose dueBy day (Europe/London) is over, as GET /issues?overdue=true counts them. */
  overdue: number;
  /** Every month with an issue raised or first resolved, ascending. */
  monthly: MonthlyKpiView[];
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
