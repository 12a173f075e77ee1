import type { ScorecardEvent } from './scorecardEvents';

/** A recorded indicator's figure for one quarter. */
export interface RecordedFigure {
  readonly value: number;
  readonly note: string | null;
  /** `occurredAt` of the event that recorded it. */
  readonly recordedAt: string;
}

/** What the fold of an area's stream knows about its scorecard. */
export interface ScorecardState {
  /** The number of events in the area's stream: what `expectedVersion` is compared with. */
  readonly version: number;
  /** The residents' latest choice; null until they have made one. */
  readonly indicators: readonly string[] | null;
  readonly chosenAt: string | null;
  readonly note: string | null;
  /** The latest figure by indicator id, then by quarter (`YYYY-Qn`). */
  readonly figures: Readonly<Record<string, Readonly<Record<string, RecordedFigure>>>>;
  /** `occurredAt` of the latest event: a new one never claims to have happened before it. */
  readonly updatedAt: string | null;
}

export const NO_SCORECARD: ScorecardState = { version: 0, indicators: null, chosenAt: null, note: null, figures: {}, updatedAt: null };

/** Fold one area event into the state. */
export function evolveScorecard(state: ScorecardState, event: ScorecardEvent): ScorecardState {
  const next = { ...state, version: state.version + 1, updatedAt: event.occurredAt };
  switch (event.type) {
    case 'ScorecardChosen':
      return { ...next, indicators: [...event.data.indicators], chosenAt: event.data.chosenAt, note: event.data.note };
    case 'ScorecardFigureRecorded': {
      const { indicator, quarter, value, note } = event.data;
      const byQuarter = { ...state.figures[indicator], [quarter]: { value, note, recordedAt: event.occurredAt } };
      return { ...next, figures: { ...state.figures, [indicator]: byQuarter } };
    }
  }
}

/** The scorecard of an area is the fold of its stream's events, from nothing. */
export function foldScorecard(events: Iterable<ScorecardEvent>, from: ScorecardState = NO_SCORECARD): ScorecardState {
  let state = from;
  for (const event of events) state = evolveScorecard(state, event);
  return state;
}
