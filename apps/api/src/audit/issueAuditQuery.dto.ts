import { IsIn, IsOptional, IsString } from 'class-validator';
import { EXPORT_FORMATS, type ExportFormat } from '@app/audit';

/** GET /issues/:id/state: the instant (read in the handler, which names what is wrong with it). */
export class StateQuery {
  /** By `recordedAt`: an ISO 8601 date or date-time (without an offset: UTC). */
  @IsString({ message: 'at is required: an ISO 8601 date or date-time' })
  at: string;
}

/** GET /audit/export: which events, and in which format. */
export class ExportQuery {
  /** Events recorded on or after this instant (ISO 8601 date or date-time). */
  @IsOptional()
  @IsString()
  from?: string;

  /** Events recorded before this instant (ISO 8601 date or date-time). */
  @IsOptional()
  @IsString()
  to?: string;

  /** `jsonl` (default, application/x-ndjson) or `csv` (text/csv, with a header row). */
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;
}
