import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { encoderFor, exportChunks, type ExportFormat, type ExportWindow, writeExport } from '@app/audit';
import type { EventStoreAdapter } from '@app/event-store';
import { EVENT_STORE } from '../store/tokens';
import { REVEAL_PERSONAL_DATA, type RevealPersonalData } from './revealPersonalData';

/**
 * Streams every event of the store into an HTTP response, a page at a time, waiting for the
 * client to take each page before reading the next: memory stays at about one page however
 * large the store, and a client that hangs up stops the reading.
 */
@Injectable()
export class ExportEvents {
  private readonly logger = new Logger(ExportEvents.name);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStoreAdapter,
    @Inject(REVEAL_PERSONAL_DATA) private readonly reveal: RevealPersonalData,
  ) {}

  async toResponse(format: ExportFormat, window: ExportWindow, response: Response): Promise<void> {
    const encoder = encoderFor(format);
    response.status(200);
    response.setHeader('Content-Type', encoder.contentType);
    response.setHeader('Content-Disposition', `attachment; filename="events.${format}"`);
    response.setHeader('Cache-Control', 'no-store');
    const chunks = exportChunks({ store: this.store, window, encoder, reveal: this.reveal });
    try {
      const written = await writeExport(chunks, response);
      if (written.complete) response.end();
    } catch (error) {
      // Nothing written yet: the usual error answer. Part written: a clean end would pass a
      // cut-off export for a whole one, so the connection is broken off instead.
      if (!response.headersSent) throw error;
      this.logger.error(`export broken off after a failure: ${error instanceof Error ? error.message : String(error)}`);
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
