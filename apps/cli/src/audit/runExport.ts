import type { Writable } from 'node:stream';
import { encoderFor, exportChunks, type ExportFormat, type ExportWindow, type RevealPersonalData, writeExport } from '@app/audit';
import { withAuditStore } from './auditStore';

export interface ExportOptions {
  readonly format: ExportFormat;
  readonly window: ExportWindow;
  /** Reveals sealed personal data; by default as the API does (plain, or "[erased]"). */
  readonly reveal?: RevealPersonalData;
  readonly out?: Writable;
}

/**
 * Writes every event to standard output, a page at a time, waiting whenever the pipe is full:
 * `export | gzip > file` holds one page in memory whatever the store's size. A pipe closed
 * early (`export | head`) ends the export quietly.
 */
export async function runExport(options: ExportOptions): Promise<number> {
  const { format, window, out = process.stdout } = options;
  return withAuditStore(async (store, storeReveal) => {
    const reveal = options.reveal ?? storeReveal;
    const written = await writeExport(exportChunks({ store, window, encoder: encoderFor(format), reveal }), out);
    if (written.complete) await new Promise<void>((resolve) => (out.writableNeedDrain ? out.once('drain', resolve) : resolve()));
    console.error(`exported ${written.events} events${written.complete ? '' : ' (output closed early)'}`);
    return 0;
  });
}
