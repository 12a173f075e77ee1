import { type RecordedFact, UnknownEventError } from '../upcast';

/** Facts of an area's own stream (`area-<areaId>`), in the past tense like the issue events. */
interface AreaFact<T extends string, D> {
  readonly type: T;
  readonly data: D;
  /** When it was recorded by staff (ISO 8601); the store adds its own `recordedAt`. */
  readonly occurredAt: string;
}

/** The residents chose their scorecard; a later choice replaces it whole. */
export type ScorecardChosen = AreaFact<
  'ScorecardChosen',
  { readonly indicators: readonly string[]; readonly chosenAt: string; readonly note: string | null }
>;

/** The council's figure of a recorded indicator for a quarter; a later one for the same quarter corrects it. */
export type ScorecardFigureRecorded = AreaFact<
  'ScorecardFigureRecorded',
  { readonly indicator: string; readonly quarter: string; readonly value: number; readonly note: string | null }
>;

export type ScorecardEvent = ScorecardChosen | ScorecardFigureRecorded;
export type ScorecardEventType = ScorecardEvent['type'];

/** The schema version each area event is written with today (see EVENT_SCHEMA_VERSION for issues). */
export const SCORECARD_EVENT_SCHEMA_VERSION: Record<ScorecardEventType, number> = {
  ScorecardChosen: 1,
  ScorecardFigureRecorded: 1,
};

export function isScorecardEventType(type: string): type is ScorecardEventType {
  return Object.hasOwn(SCORECARD_EVENT_SCHEMA_VERSION, type);
}

/** A stored area event as today's shape. Every one is still at version 1: no upcasters yet. */
export function upcastScorecardEvent(fact: RecordedFact): ScorecardEvent {
  const { type, data, occurredAt, schemaVersion } = fact;
  if (!isScorecardEventType(type)) throw new UnknownEventError(`unknown area event type ${type}`);
  const current = SCORECARD_EVENT_SCHEMA_VERSION[type];
  if (schemaVersion !== current) {
    throw new UnknownEventError(`${type} v${schemaVersion} is not a version this code reads (v${current})`);
  }
  return { type, data, occurredAt } as ScorecardEvent;
}
