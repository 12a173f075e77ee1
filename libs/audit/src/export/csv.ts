import type { ExportRecord } from './exportRecord';

/** The columns of a CSV export, in order, and how each is read from a record. */
export const CSV_COLUMNS: ReadonlyArray<readonly [name: string, read: (record: ExportRecord) => unknown]> = [
  ['issueId', (record) => record.issueId],
  ['streamId', (record) => record.streamId],
  ['version', (record) => record.version],
  ['globalPosition', (record) => record.globalPosition],
  ['type', (record) => record.type],
  ['occurredAt', (record) => record.occurredAt],
  ['recordedAt', (record) => record.recordedAt],
  ['actorId', (record) => record.actor?.id],
  ['actorRole', (record) => record.actor?.role],
  // Nested and free-form: kept whole as its JSON text, so nothing is lost in a spreadsheet.
  ['data', (record) => JSON.stringify(record.data)],
  ['correlationId', (record) => record.correlationId],
  ['causationId', (record) => record.causationId],
  ['hash', (record) => record.hash],
  ['prevHash', (record) => record.prevHash],
];

/** RFC 4180 lines end in CRLF; a line break inside a quoted field stays as it was. */
const CRLF = '\r\n';

/**
 * One field, quoted (RFC 4180) when it holds a comma, a double quote or a line break, with
 * inner double quotes doubled. An absent value (null) is an empty field.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvHeaderLine = (): string => CSV_COLUMNS.map(([name]) => name).join(',') + CRLF;

export function encodeCsvRow(record: ExportRecord): string {
  return CSV_COLUMNS.map(([, read]) => csvField(read(record))).join(',') + CRLF;
}
