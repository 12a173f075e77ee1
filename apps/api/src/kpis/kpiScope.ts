import { BadRequestException, ForbiddenException } from '@nestjs/common';
import { type Actor, ALL_AREAS, servesArea } from '@app/lifecycle';
import type { KpiFilter } from '@app/projections';
import type { Area } from '../config/areas';
import type { KpiPeriodQuery, KpiQuery } from './kpiQuery.dto';

/** The areas whose issues an actor's figures count: undefined for every area. */
export function visibleAreas(actor: Actor): readonly string[] | undefined {
  if (actor.kind !== 'staff') return [];
  return actor.role === 'admin' || actor.areas.includes(ALL_AREAS) ? undefined : actor.areas;
}

// A date-time without an offset would otherwise be read in the server's time zone.
const OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/i;

/** An ISO 8601 query value as the instant loggedAt is compared with (UTC, toISOString form). */
function instantOf(field: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const at = new Date(value.includes('T') && !OFFSET.test(value) ? `${value}Z` : value);
  if (Number.isNaN(at.getTime())) throw new BadRequestException([`${field} must be an ISO 8601 date or date-time (YYYY-MM-DD or YYYY-MM-DDTHH:mm:ssZ)`]);
  return at.toISOString();
}

/** The period of a query, checked: `to` may not come before `from`. */
export function periodOf(query: KpiPeriodQuery): Pick<KpiFilter, 'from' | 'to'> {
  const from = instantOf('from', query.from);
  const to = instantOf('to', query.to);
  if (from !== undefined && to !== undefined && to < from) throw new BadRequestException(['to must not be before from']);
  return { from, to };
}

/**
 * What a caller's figures count: the area asked for (400 if there is no such area, 403 if
 * they do not serve it), else every area they serve; and the period.
 */
export function kpiFilterOf(query: KpiQuery, actor: Actor, areas: readonly Area[]): KpiFilter {
  const period = periodOf(query);
  if (query.areaId !== undefined) {
    if (!areas.some((area) => area.id === query.areaId)) throw new BadRequestException([`areaId must be one of the areas of GET /areas`]);
    if (!servesArea(actor, query.areaId)) throw new ForbiddenException(`you do not serve area ${query.areaId}`);
    return { areaId: query.areaId, ...period };
  }
  return { areas: visibleAreas(actor), ...period };
}
