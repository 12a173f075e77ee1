import { DEADLINE_KINDS, type DeadlineKind } from '@app/lifecycle';
import { numberOf, type SqlExecutor } from '../db/readModelDb';
import { ISSUES_TABLE } from '../issues/issuesProjection';
import { londonDate } from '../issues/overdue';
import { filterSql, type KpiFilter, unindexed, whereOf } from './kpiFilter';
import { nearestRank, rate, roundDays } from './kpiFigures';

/** One kind of deadline over the filtered issues: running and paused ones are in neither count. */
export interface SlaFigures {
  readonly met: number;
  readonly missed: number;
  /** met / (met + missed), 4 decimals; 0 when there is neither. */
  readonly rate: number;
}

export type SlaByKind = Record<DeadlineKind, SlaFigures>;

export interface SlaKpis {
  readonly sla: SlaByKind;
  /** Nearest-rank median of working days from the logged day to the first resolution day, 2 decimals; null when none. */
  readonly medianWorkingDaysToResolve: number | null;
}

// The issues table's columns of each kind (issueRow.ts).
const COLUMNS: Record<DeadlineKind, { readonly due: string; readonly state: string; readonly alias: string }> = {
  acknowledge: { due: 'ack_due', state: 'ack_state', alias: 'ack' },
  resolve: { due: 'resolve_due', state: 'resolve_state', alias: 'resolve' },
  feedBack: { due: 'feed_back_due', state: 'feed_back_state', alias: 'feed_back' },
};

/**
 * The SUMs that count each kind's met and missed deadlines, today's London date in parameter
 * `$todayParam`: the row keeps a state the facts settle, so a `running` one whose due day is over
 * is counted missed here (no event marks the day it passes).
 */
export function slaSums(todayParam: number): string {
  return DEADLINE_KINDS.map((kind) => {
    const { due, state, alias } = COLUMNS[kind];
    return [
      `SUM(CASE WHEN ${state} = 'met' THEN 1 ELSE 0 END) AS ${alias}_met`,
      `SUM(CASE WHEN ${state} = 'missed' OR (${state} = 'running' AND ${due} < $${todayParam}) THEN 1 ELSE 0 END) AS ${alias}_missed`,
    ].join(', ');
  }).join(', ');
}

/** The counts slaSums selected, as figures. */
export function slaOf(row: Readonly<Record<string, unknown>> | undefined): SlaByKind {
  const figures = (kind: DeadlineKind): SlaFigures => {
    const met = numberOf(row?.[`${COLUMNS[kind].alias}_met`]);
    const missed = numberOf(row?.[`${COLUMNS[kind].alias}_missed`]);
    return { met, missed, rate: rate(met, met + missed) };
  };
  return { acknowledge: figures('acknowledge'), resolve: figures('resolve'), feedBack: figures('feedBack') };
}

/**
 * The service-level figures over the filtered issues: the counts in one pass, then the median
 * of working days to resolve by an index walk to its rank (as kpiDays reads its percentiles).
 */
export async function slaKpis(db: SqlExecutor, filter: KpiFilter, now: Date): Promise<SlaKpis> {
  const { conditions, params } = filterSql(filter);
  const [row] = await db.all<Record<string, unknown>>(
    `SELECT ${slaSums(params.length + 1)}, count(resolve_working_days) AS measured FROM ${ISSUES_TABLE} ${whereOf(conditions)}`,
    [...params, londonDate(now)],
  );
  const measured = numberOf(row?.measured);
  return { sla: slaOf(row), medianWorkingDaysToResolve: measured === 0 ? null : await workingDaysAtRank(db, filter, nearestRank(50, measured)) };
}

async function workingDaysAtRank(db: SqlExecutor, filter: KpiFilter, rank: number): Promise<number | null> {
  // Along the working days' index, as kpiDays walks the durations'.
  const { conditions, params } = filterSql(filter, unindexed(db.dialect, ['loggedAt']));
  const [row] = await db.all<{ resolve_working_days: unknown }>(
    `SELECT resolve_working_days FROM ${ISSUES_TABLE} ${whereOf([...conditions, 'resolve_working_days IS NOT NULL'])}
     ORDER BY resolve_working_days LIMIT 1 OFFSET $${params.length + 1}`,
    [...params, rank - 1],
  );
  // A page written between the count and the walk can leave the rank past the end: none then.
  return row === undefined ? null : roundDays(numberOf(row.resolve_working_days));
}
