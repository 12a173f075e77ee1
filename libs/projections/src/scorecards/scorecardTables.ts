/**
 * The scorecards' tables: each area's latest choice, and the latest figure of each recorded
 * indicator per quarter. Issue-derived values are never stored here: they are computed from
 * the `issues` view when asked, so they always agree with the tracker and the KPIs.
 */
export const SCORECARD_CHOICES_TABLE = 'scorecard_choices';
export const SCORECARD_FIGURES_TABLE = 'scorecard_figures';

export const scorecardChoicesDdl = (table: string) => `
CREATE TABLE ${table} (
  area_id    TEXT PRIMARY KEY,
  indicators TEXT NOT NULL,
  chosen_at  TEXT NOT NULL,
  note       TEXT,
  version    INTEGER NOT NULL
);
`;

export const scorecardFiguresDdl = (table: string) => `
CREATE TABLE ${table} (
  area_id     TEXT NOT NULL,
  indicator   TEXT NOT NULL,
  quarter     TEXT NOT NULL,
  value       DOUBLE PRECISION NOT NULL,
  note        TEXT,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (area_id, indicator, quarter)
);
`;

/** A choice row as the database answers it (pg may give integers as text). */
export interface RawChoiceRow {
  area_id: string;
  /** JSON array of indicator ids, in the order chosen. */
  indicators: string;
  chosen_at: string;
  note: string | null;
  version: number | string;
}

export interface RawFigureRow {
  indicator: string;
  quarter: string;
  value: number | string;
}
