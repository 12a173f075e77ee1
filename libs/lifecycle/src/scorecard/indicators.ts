/**
 * The menu of indicators an area's residents choose their scorecard from (10 to 12 of them,
 * reviewed quarterly, after North Tyneside's practice). Pure data: the read side computes the
 * issue-derived ones, the council records the others quarter by quarter.
 */

/**
 * How an issue-derived indicator is computed from one row per issue of the area
 * (`category`, `loggedAt`, the first `IssueResolved.occurredAt`, the first `OutcomeFedBack.occurredAt`),
 * for one quarter (see `quarterOf`: calendar quarters of the date in Europe/London):
 * - `raised`: issues whose `loggedAt` falls in the quarter (only those of `category` when given).
 * - `resolved`: issues whose first resolution falls in the quarter (only those of `category` when given).
 * - `resolvedWithinDays`: of the issues whose first resolution falls in the quarter, the share
 *   (0–100, 2 decimals) first resolved at most `days` calendar days after `loggedAt`; null when none.
 * - `medianDaysToResolve`: over the issues whose first resolution falls in the quarter, the median
 *   of (first resolution − `loggedAt`) in days, nearest-rank, 2 decimals, as the KPIs count it; null when none.
 * - `fedBack`: of the issues whose first resolution falls in the quarter, the share (0–100,
 *   2 decimals) fed back to the resident since; null when none.
 */
export type IssueMeasure =
  | { readonly kind: 'raised'; readonly category?: string }
  | { readonly kind: 'resolved'; readonly category?: string }
  | { readonly kind: 'resolvedWithinDays'; readonly days: number }
  | { readonly kind: 'medianDaysToResolve' }
  | { readonly kind: 'fedBack' };

export type IndicatorUnit = 'issues' | 'days' | '%' | 'count';

interface IndicatorBase {
  /** Stable: stored in ScorecardChosen and ScorecardFigureRecorded events. Never rename one. */
  readonly id: string;
  readonly name: string;
  readonly unit: IndicatorUnit;
  /** Whether a rise is an improvement: the read side's `trend` (better, worse, same) follows it. */
  readonly higherIsBetter: boolean;
}

/** Computed from the area's issues; no figure can be recorded for it. */
export interface IssueIndicator extends IndicatorBase {
  readonly source: 'issues';
  readonly measure: IssueMeasure;
}

/** A figure the council records for each quarter (ScorecardFigureRecorded). */
export interface RecordedIndicator extends IndicatorBase {
  readonly source: 'recorded';
}

export type Indicator = IssueIndicator | RecordedIndicator;
export type IndicatorSource = Indicator['source'];

const fromIssues = (id: string, name: string, unit: IndicatorUnit, higherIsBetter: boolean, measure: IssueMeasure): IssueIndicator => ({
  id,
  name,
  unit,
  higherIsBetter,
  source: 'issues',
  measure,
});
const recorded = (id: string, name: string, unit: IndicatorUnit, higherIsBetter: boolean): RecordedIndicator => ({
  id,
  name,
  unit,
  higherIsBetter,
  source: 'recorded',
});

export const INDICATORS: readonly Indicator[] = [
  fromIssues('issues-raised', 'Issues raised', 'issues', false, { kind: 'raised' }),
  fromIssues('issues-resolved', 'Issues resolved', 'issues', true, { kind: 'resolved' }),
  fromIssues('resolved-within-20-days', 'Issues resolved within 20 days', '%', true, { kind: 'resolvedWithinDays', days: 20 }),
  fromIssues('median-days-to-resolve', 'Median days to resolve an issue', 'days', false, { kind: 'medianDaysToResolve' }),
  fromIssues('resolved-issues-fed-back', 'Resolved issues fed back to the resident', '%', true, { kind: 'fedBack' }),
  fromIssues('highways-issues-raised', 'Highways issues raised', 'issues', false, { kind: 'raised', category: 'highways' }),
  fromIssues('waste-issues-raised', 'Waste issues raised', 'issues', false, { kind: 'raised', category: 'waste' }),
  fromIssues('community-safety-issues-raised', 'Community safety issues raised', 'issues', false, { kind: 'raised', category: 'community-safety' }),
  recorded('grass-cuts-carried-out', 'Grass cuts carried out', 'count', true),
  recorded('streets-with-widespread-litter', 'Streets with widespread litter', '%', false),
  recorded('fly-tipping-incidents-cleared', 'Fly-tipping incidents cleared', 'count', true),
  recorded('streetlights-repaired-within-7-days', 'Streetlights repaired within 7 days', '%', true),
  recorded('potholes-repaired', 'Potholes repaired', 'count', true),
  recorded('graffiti-removed-within-5-days', 'Graffiti removed within 5 working days', '%', true),
  recorded('missed-bin-collections', 'Missed bin collections', 'count', false),
  recorded('antisocial-behaviour-incidents', 'Anti-social behaviour incidents reported', 'count', false),
];

const BY_ID = new Map(INDICATORS.map((indicator) => [indicator.id, indicator]));

export const indicatorById = (id: string): Indicator | undefined => BY_ID.get(id);
