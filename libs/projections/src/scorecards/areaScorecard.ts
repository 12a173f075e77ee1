import { type Indicator, indicatorById, type IndicatorSource, type IndicatorUnit } from '@app/lifecycle';
import type { SqlExecutor } from '../db/readModelDb';
import { ISSUES_TABLE } from '../issues/issuesProjection';
import { byQuarter, type IssueFacts, measureQuarter } from './issueMeasures';
import { scorecardWindow, type ScorecardWindow } from './scorecardQuarters';
import { type RawChoiceRow, type RawFigureRow, SCORECARD_CHOICES_TABLE, SCORECARD_FIGURES_TABLE } from './scorecardTables';
import { type Trend, trendOf } from './scorecardTrend';

export interface QuarterValue {
  readonly quarter: string;
  /** null: nothing to measure (issue-derived shares and medians) or nothing recorded. */
  readonly value: number | null;
}

export interface ScorecardIndicatorValues {
  readonly id: string;
  readonly name: string;
  readonly unit: IndicatorUnit;
  readonly higherIsBetter: boolean;
  readonly source: IndicatorSource;
  /** One per quarter shown, oldest first. */
  readonly values: readonly QuarterValue[];
  readonly trend: Trend | null;
}

/** GET /areas/:areaId/scorecard, without asOfPosition (the caller reads it first). */
export interface AreaScorecard {
  readonly areaId: string;
  /** null until the area's residents have chosen their indicators. */
  readonly chosenAt: string | null;
  readonly note: string | null;
  readonly quarters: readonly string[];
  /** The chosen indicators, in the order chosen. */
  readonly indicators: readonly ScorecardIndicatorValues[];
}

/**
 * An area's scorecard for the last `quarters` quarters up to the one `now` falls in: recorded
 * figures from the scorecards projection, issue-derived values computed from the `issues` view.
 */
export async function areaScorecard(db: SqlExecutor, areaId: string, now: Date, quarters: number): Promise<AreaScorecard> {
  const window = scorecardWindow(now, quarters);
  const [choice] = await db.all<RawChoiceRow>(`SELECT * FROM ${SCORECARD_CHOICES_TABLE} WHERE area_id = $1`, [areaId]);
  if (!choice) return { areaId, chosenAt: null, note: null, quarters: window.shown, indicators: [] };

  // A menu id is never renamed or removed; an id this code does not know could only come from
  // a newer version of it, and is left out rather than shown without a name or a unit.
  const chosen = (JSON.parse(choice.indicators) as string[]).map(indicatorById).filter((indicator): indicator is Indicator => indicator !== undefined);
  const figures = chosen.some((indicator) => indicator.source === 'recorded') ? await recordedFigures(db, areaId, window) : new Map<string, number>();
  const issues = byQuarter(chosen.some((indicator) => indicator.source === 'issues') ? await issueFacts(db, areaId, window) : []);

  const valueOf = (indicator: Indicator, quarter: string): number | null =>
    indicator.source === 'recorded' ? (figures.get(figureKey(indicator.id, quarter)) ?? null) : measureQuarter(indicator.measure, issues, quarter);

  return {
    areaId,
    chosenAt: choice.chosen_at,
    note: choice.note,
    quarters: window.shown,
    indicators: chosen.map((indicator) => {
      const values = window.shown.map((quarter) => ({ quarter, value: valueOf(indicator, quarter) }));
      const previous = values.length > 1 ? values[values.length - 2].value : valueOf(indicator, window.before);
      const { id, name, unit, higherIsBetter, source } = indicator;
      return { id, name, unit, higherIsBetter, source, values, trend: trendOf(previous, values[values.length - 1].value, higherIsBetter) };
    }),
  };
}

const figureKey = (indicator: string, quarter: string) => `${indicator} ${quarter}`;

/** The latest figure per recorded indicator and quarter of the window (the projection keeps only the latest). */
async function recordedFigures(db: SqlExecutor, areaId: string, window: ScorecardWindow): Promise<Map<string, number>> {
  const quarters = [window.before, ...window.shown];
  const rows = await db.all<RawFigureRow>(
    `SELECT indicator, quarter, value FROM ${SCORECARD_FIGURES_TABLE} WHERE area_id = $1 AND quarter IN (${quarters.map((_, i) => `$${i + 2}`).join(', ')})`,
    [areaId, ...quarters],
  );
  return new Map(rows.map((row) => [figureKey(row.indicator, row.quarter), Number(row.value)]));
}

interface RawIssueFacts {
  category: string;
  logged_at: string;
  first_resolved_at: string | null;
  first_fed_back_at: string | null;
  resolve_days: number | string | null;
}

/**
 * The area's issues logged or first resolved since the window began. Quarters are bucketed in
 * JavaScript (quarterOf, Europe/London): portable SQL has no time zones, and an area's issues
 * over at most 13 quarters are few.
 */
async function issueFacts(db: SqlExecutor, areaId: string, window: ScorecardWindow): Promise<IssueFacts[]> {
  const rows = await db.all<RawIssueFacts>(
    `SELECT category, logged_at, first_resolved_at, first_fed_back_at, resolve_days FROM ${ISSUES_TABLE}
     WHERE area_id = $1 AND (logged_at >= $2 OR first_resolved_at >= $2)`,
    [areaId, window.since],
  );
  return rows.map((row) => ({
    category: row.category,
    loggedAt: row.logged_at,
    firstResolvedAt: row.first_resolved_at,
    firstFedBackAt: row.first_fed_back_at,
    resolveDays: row.resolve_days === null ? null : Number(row.resolve_days),
  }));
}
