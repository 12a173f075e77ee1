import { createHash, type Hash } from 'node:crypto';
import type { StoredEvent } from '@app/event-store';

/**
 * The running digest of an anchor: SHA-256 over each event's stored hash, one line each, in the
 * order the store's readers get them. Each stored hash already covers its event's stream,
 * version, content and predecessor, so this covers the history, and recomputing it over the
 * same events always gives the same answer. A stream is counted at its first event (version 1).
 */
export class HistoryDigest {
  private readonly hash: Hash = createHash('sha256');
  events = 0;
  streams = 0;

  add(event: Pick<StoredEvent, 'hash' | 'version'>): void {
    this.hash.update(`${event.hash}\n`);
    this.events++;
    if (event.version === 1) this.streams++;
  }

  digest(): string {
    return this.hash.copy().digest('hex');
  }
}
