import type { SqlExecutor } from '../db/readModelDb';
import { computeKpis, type KpiFigures } from './computeKpis';
import type { KpiFilter } from './kpiFilter';

export type AreaKpiFigures = { readonly areaId: string } & KpiFigures;

/**
 * The same figures for each of these areas, in the order given, areas without issues
 * included (all zeros): each is GET /kpis?areaId=..., so the two can never disagree.
 */
export async function areaKpis(db: SqlExecutor, areaIds: readonly string[], filter: Omit<KpiFilter, 'areaId' | 'areas'>, now: Date): Promise<AreaKpiFigures[]> {
  const rows: AreaKpiFigures[] = [];
  for (const areaId of areaIds) rows.push({ areaId, ...(await computeKpis(db, { ...filter, areaId }, now)) });
  return rows;
}
