import { applyDecorators } from '@nestjs/common';
import { IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Min } from 'class-validator';

/** A string of `min` to `max` characters that is not only white space. */
export const Text = (min: number, max: number) =>
  applyDecorators(IsString(), Length(min, max), Matches(/\S/, { message: '$property must not be blank' }));

/** A list of such strings: each of `min` to `max` characters, none only white space. */
export const TextList = (min: number, max: number) =>
  applyDecorators(
    IsString({ each: true }),
    Length(min, max, { each: true }),
    Matches(/\S/, { each: true, message: 'each value in $property must not be blank' }),
  );

/** An ISO 8601 date or date-time that exists on the calendar. */
export const IsoDate = () => IsISO8601({ strict: true, strictSeparator: true });

/** Fields every command body may carry. */
export class CommandBody {
  /** When it really happened (ISO 8601); defaults to now. Never in the future, never before the previous event. */
  @IsOptional()
  @IsoDate()
  occurredAt?: string;
}

/** Fields of every command on an existing issue. */
export class TransitionBody extends CommandBody {
  /** The current `version`: the command fails with 409 if someone changed it meanwhile. */
  @IsInt()
  @Min(0)
  expectedVersion: number;
}
