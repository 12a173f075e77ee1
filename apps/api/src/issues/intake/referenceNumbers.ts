import { Inject, Injectable } from '@nestjs/common';
import type { EventStoreAdapter } from '@app/event-store';
import type { Area } from '../../config/areas';
import { EVENT_STORE } from '../../store/tokens';

/**
 * `<AREA CODE>-<YYYY>-<NNNNN>`: a store-wide counter per area and year, so a number is never
 * handed out twice, even to concurrent intakes in several processes. A number whose append then
 * fails (a crash between the two) is skipped, never reused.
 */
@Injectable()
export class ReferenceNumbers {
  constructor(@Inject(EVENT_STORE) private readonly sequences: EventStoreAdapter) {}

  async allocate(area: Area, loggedAt: string): Promise<string> {
    const year = loggedAt.slice(0, 4);
    const sequence = await this.sequences.next(`reference:${area.code}:${year}`);
    return `${area.code}-${year}-${String(sequence).padStart(5, '0')}`;
  }
}
