import type { Checkpoint, EventStore } from '@app/event-store';
import type { RevealPersonalData } from '../revealPersonalData';
import type { ExportEncoder } from './exportFormat';
import { toExportRecord } from './exportRecord';
import { type ExportWindow, inExportWindow } from './exportWindow';

/** Events read from the store at a time: one page is one chunk written, and all that is held. */
export const EXPORT_PAGE_SIZE = 1000;

export interface ExportSource {
  readonly store: Pick<EventStore, 'readAll'>;
  readonly window: ExportWindow;
  readonly encoder: ExportEncoder;
  readonly reveal: RevealPersonalData;
  readonly pageSize?: number;
}

/** A piece of the export ready to write, and how many events it holds. */
export interface ExportChunk {
  readonly text: string;
  readonly events: number;
}

/**
 * The whole export as chunks, in the store's global (commit-safe) order: the format's header
 * and then one chunk per page of `readAll`. Lazy: the next page is read only when the consumer asks
 * for it, so a writer that waits for its sink to drain holds one page at a time, and one that
 * stops asking (the client went away) stops the reading. `readAll` cannot filter by time, and
 * `recordedAt` is ordered only within a stream, so every page is read and filtered here.
 */
export async function* exportChunks(source: ExportSource): AsyncGenerator<ExportChunk> {
  // The header goes out with the first events: until then nothing is written, so a store that
  // fails at once still gets its caller a proper error answer instead of a cut-off export.
  let header = source.encoder.header;
  let after: Checkpoint | null = null;
  for (;;) {
    const page = await encodedPage(source, after);
    if (page === 'end') break;
    after = page.checkpoint;
    if (page.events === 0) continue;
    yield { text: header + page.text, events: page.events };
    header = '';
  }
  if (header) yield { text: header, events: 0 };
}

/**
 * One page read, filtered, revealed and encoded. Its own function so that the page's event
 * objects are garbage by the time the generator waits on a slow reader: held across that wait,
 * they would outlive the young generation and swell the heap for nothing.
 */
async function encodedPage(source: ExportSource, after: Checkpoint | null): Promise<'end' | { text: string; events: number; checkpoint: Checkpoint | null }> {
  const { store, window, encoder, reveal, pageSize = EXPORT_PAGE_SIZE } = source;
  const page = await store.readAll({ after, limit: pageSize });
  if (page.events.length === 0) return 'end';
  const inWindow = page.events.filter((event) => inExportWindow(event.recordedAt, window));
  if (inWindow.length === 0) return { text: '', events: 0, checkpoint: page.checkpoint };
  const revealed = await reveal(inWindow);
  let text = '';
  for (const event of revealed) text += encoder.encode(toExportRecord(event));
  return { text, events: revealed.length, checkpoint: page.checkpoint };
}
