/** How many indicators an area's scorecard holds: residents pick 10 to 12 from the menu. */
export const SCORECARD_SIZE = { min: 10, max: 12 } as const;

export interface ChooseScorecardData {
  /** Ids from the menu (INDICATORS), 10 to 12, each once. */
  readonly indicators: readonly string[];
  /** When the residents chose: an ISO 8601 date or date-time, not in the future. */
  readonly chosenAt: string;
  readonly note?: string;
}

export interface RecordFigureData {
  /** A recorded indicator of the menu: issue-derived ones are computed, never recorded. */
  readonly indicator: string;
  /** `YYYY-Qn`, the current quarter or an earlier one. */
  readonly quarter: string;
  readonly value: number;
  readonly note?: string;
}

/** What staff ask of an area's scorecard. `areaId` names the area's own stream. */
export type ScorecardCommand =
  | { readonly type: 'choose-scorecard'; readonly areaId: string; readonly data: ChooseScorecardData }
  | { readonly type: 'record-figure'; readonly areaId: string; readonly data: RecordFigureData };

export type ScorecardCommandName = ScorecardCommand['type'];
