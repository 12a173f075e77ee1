import { csvHeaderLine, encodeCsvRow } from './csv';
import type { ExportRecord } from './exportRecord';
import { encodeJsonLine } from './jsonLines';

export const EXPORT_FORMATS = ['jsonl', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const isExportFormat = (value: string): value is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(value);

/** How one format writes an export: its media type, what comes first, and each record. */
export interface ExportEncoder {
  readonly format: ExportFormat;
  readonly contentType: string;
  readonly header: string;
  encode(record: ExportRecord): string;
}

const ENCODERS: Record<ExportFormat, ExportEncoder> = {
  jsonl: { format: 'jsonl', contentType: 'application/x-ndjson; charset=utf-8', header: '', encode: encodeJsonLine },
  csv: { format: 'csv', contentType: 'text/csv; charset=utf-8', header: csvHeaderLine(), encode: encodeCsvRow },
};

export const encoderFor = (format: ExportFormat): ExportEncoder => ENCODERS[format];
