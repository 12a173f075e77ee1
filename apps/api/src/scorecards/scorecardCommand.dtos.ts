import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Min } from 'class-validator';
import { INDICATORS, SCORECARD_SIZE } from '@app/lifecycle';
import { IsoDate, Text } from '../issues/commandBody.dto';

const INDICATOR_IDS = INDICATORS.map((indicator) => indicator.id);
const ON_THE_MENU = { message: '$property must hold ids from GET /scorecards/indicators' };

/** Fields of both scorecard commands (shared/contract/API.md, "Area scorecards"). */
export class ScorecardCommandBody {
  /** The area stream's current `version`: 409 if it changed meanwhile. Without it the command applies to the current version. */
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number;
}

/** The indicators an area's residents chose, replacing any earlier choice. */
export class ChooseScorecardDto extends ScorecardCommandBody {
  /** 10 to 12 different ids from GET /scorecards/indicators. */
  @IsArray()
  @ArrayMinSize(SCORECARD_SIZE.min)
  @ArrayMaxSize(SCORECARD_SIZE.max)
  @ArrayUnique({ message: '$property must name each indicator once' })
  @IsString({ each: true })
  @IsIn(INDICATOR_IDS, { each: true, ...ON_THE_MENU })
  indicators: string[];

  /** When the residents chose: an ISO 8601 date or date-time, not in the future. */
  @IsoDate()
  chosenAt: string;

  @IsOptional()
  @Text(1, 2000)
  note?: string;
}

/** The council's figure of a recorded indicator for one quarter; a later one for the same quarter corrects it. */
export class RecordScorecardFigureDto extends ScorecardCommandBody {
  /** An indicator whose `source` is `recorded`: issue-derived ones are computed, never recorded. */
  @IsString()
  @IsIn(INDICATOR_IDS, { message: '$property must be an id from GET /scorecards/indicators' })
  indicator: string;

  /** `YYYY-Qn`: the current quarter or an earlier one. */
  @IsString()
  @Matches(/^\d{4}-Q[1-4]$/, { message: '$property must be YYYY-Qn, e.g. 2026-Q3' })
  quarter: string;

  /** A finite number, in the indicator's unit. */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value: number;

  @IsOptional()
  @Text(1, 2000)
  note?: string;
}
