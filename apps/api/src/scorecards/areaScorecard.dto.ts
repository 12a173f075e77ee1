import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const DEFAULT_QUARTERS = 4;
export const MAX_QUARTERS = 12;

/** GET /areas/:areaId/scorecard: how many quarters to show. */
export class AreaScorecardQuery {
  /** The last N quarters up to the current one, 1 to 12 (default 4). */
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_QUARTERS, default: DEFAULT_QUARTERS })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_QUARTERS)
  quarters?: number;
}

/** One quarter's value of an indicator. */
export class ScorecardQuarterValueView {
  /** `YYYY-Qn`. */
  quarter: string;
  /** In the indicator's unit (shares 0–100, 2 decimals; days 2 decimals); null when there is nothing to measure or no figure was recorded. */
  @ApiProperty({ type: Number, nullable: true })
  value: number | null;
}

/** A chosen indicator with its values, oldest quarter first. */
export class ScorecardIndicatorView {
  id: string;
  name: string;
  /** issues, days, % or count. */
  unit: string;
  /** Whether a rise is an improvement: the trend follows it. */
  higherIsBetter: boolean;
  @ApiProperty({ enum: ['issues', 'recorded'] })
  source: 'issues' | 'recorded';
  @ApiProperty({ type: [ScorecardQuarterValueView] })
  values: ScorecardQuarterValueView[];
  /** The latest quarter against the one before it (even when that one is not shown); null when either has no value. */
  @ApiProperty({ enum: ['better', 'worse', 'same'], nullable: true })
  trend: 'better' | 'worse' | 'same' | null;
}

/** An area's scorecard: the indicators its residents chose, quarter by quarter. */
export class AreaScorecardView {
  areaId: string;
  /** When the residents chose (as recorded); null while the area has no scorecard. */
  @ApiProperty({ type: String, nullable: true })
  chosenAt: string | null;
  @ApiProperty({ type: String, nullable: true })
  note: string | null;
  /** The quarters shown, `YYYY-Qn`, oldest first, up to the current one (Europe/London). */
  quarters: string[];
  /** In the order chosen; empty while the area has no scorecard. */
  @ApiProperty({ type: [ScorecardIndicatorView] })
  indicators: ScorecardIndicatorView[];
  /** The global position both projections it reads (scorecards, issues) have reached at least. */
  asOfPosition: number;
}
