import { IsInt, IsOptional, Min } from 'class-validator';

/** POST /issues/:id/erase-personal-data: no body needed. */
export class ErasePersonalDataDto {
  /** The version as last seen: 409 if it changed meanwhile. Absent: erase whatever it is now. */
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number;
}
