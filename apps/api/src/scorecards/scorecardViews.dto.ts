/** One indicator of the menu (GET /scorecards/indicators). */
export class IndicatorView {
  /** Stable id, used in choices and figures. */
  id: string;
  name: string;
  /** issues, days, % or count. */
  unit: string;
  /** Whether a rise is an improvement. */
  higherIsBetter: boolean;
  /** `issues`: computed from the area's issues; `recorded`: figures the council records each quarter. */
  source: 'issues' | 'recorded';
}

/** The answer to PUT /areas/:areaId/scorecard: the choice as recorded. */
export class ScorecardChoiceView {
  areaId: string;
  /** The number of events in the area's stream: send it back as `expectedVersion`. */
  version: number;
  /** The chosen indicators' ids, in the order given. */
  indicators: string[];
  /** A bare date as given, a date-time in UTC. */
  chosenAt: string;
  note: string | null;
}

/** The answer to POST /areas/:areaId/scorecard/figures: the figure as recorded. */
export class ScorecardFigureView {
  areaId: string;
  /** The number of events in the area's stream: send it back as `expectedVersion`. */
  version: number;
  indicator: string;
  /** `YYYY-Qn`. */
  quarter: string;
  value: number;
  note: string | null;
}
