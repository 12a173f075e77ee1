import type { Pool } from 'pg';
import type { AppendSignal } from '../appendSignal';

/**
 * Wakes readers once appends have committed: this process's subscriptions at once, other
 * processes' (a projector, a second API) by a NOTIFY sent after the commit. At most one NOTIFY is
 * in flight; batches that commit meanwhile share the next one. Sent outside the appending
 * transaction, it keeps the commit off the lock NOTIFY takes at commit time. A lost one costs a
 * reader its poll interval, nothing more.
 */
export class PostgresAppendNotifier {
  private sending: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly pool: Pool,
    private readonly channel: string,
    private readonly local: AppendSignal,
  ) {}

  committed(): void {
    this.local.notify();
    if (this.sending) {
      this.again = true;
      return;
    }
    this.sending = this.send().finally(() => (this.sending = null));
  }

  /** Resolves once no NOTIFY is in flight (before the pool closes). */
  async idle(): Promise<void> {
    await this.sending;
  }

  private async send(): Promise<void> {
    do {
      this.again = false;
      await this.pool.query('SELECT pg_notify($1, $2)', [this.channel, 'append']).catch(() => undefined);
    } while (this.again);
  }
}
