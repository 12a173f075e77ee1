import type { DeadlineKind } from './deadlineClock';

/** The calendar regions whose bank holidays a council may follow. */
export const CALENDAR_REGIONS = ['GB-ENG', 'GB-WLS', 'GB-SCT', 'GB-NIR'] as const;
export type CalendarRegion = (typeof CALENDAR_REGIONS)[number];

/** Targets in working days, one per deadline kind. */
export type Targets = Readonly<Record<DeadlineKind, number>>;

/**
 * A council's service-level policy, as in its file (SERVICE_LEVELS_FILE): the most specific
 * target wins (area and category, then category, then default).
 */
export interface ServiceLevelPolicy {
  readonly version: string;
  readonly region: CalendarRegion;
  readonly default: Targets;
  readonly categories: Readonly<Record<string, Partial<Targets>>>;
  readonly areas: Readonly<Record<string, Readonly<Record<string, Partial<Targets>>>>>;
}
