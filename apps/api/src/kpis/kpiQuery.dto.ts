import { IsOptional, IsString, Length } from 'class-validator';
import { IsoDate } from '../issues/commandBody.dto';

/** The period of GET /kpis/areas: issues whose loggedAt is in [from, to); every issue when both are left out. */
export class KpiPeriodQuery {
  /** loggedAt on or after this instant (ISO 8601 date or date-time; a date-time without an offset is UTC). */
  @IsOptional()
  @IsoDate()
  from?: string;

  /** loggedAt before this instant (ISO 8601, as `from`). */
  @IsOptional()
  @IsoDate()
  to?: string;
}

/** GET /kpis, /kpis/officers and /kpis/resolution-times: a period, and optionally one area you serve. */
export class KpiQuery extends KpiPeriodQuery {
  /** Only this area's issues (an id of GET /areas, one you serve); all your areas when left out. */
  @IsOptional()
  @IsString()
  @Length(1, 64)
  areaId?: string;
}
