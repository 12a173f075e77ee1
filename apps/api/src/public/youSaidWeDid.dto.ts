import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

/** GET /public/you-said-we-did: optional area, and paging. */
export class YouSaidWeDidQuery {
  /** Only this area's issues (one of GET /areas); all areas when absent. */
  @IsOptional()
  @IsString()
  @Length(1, 64)
  areaId?: string;

  /** Items per page, 1 to 200 (default 50). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  /** Items to skip (default 0). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  offset?: number;
}
