import type { ExportRecord } from './exportRecord';

/**
 * One JSON Lines record. JSON.stringify escapes every line break inside strings (`\n`, `\r`),
 * so a note written over several lines still takes exactly one line of the export.
 */
export function encodeJsonLine(record: ExportRecord): string {
  return `${JSON.stringify(record)}\n`;
}
