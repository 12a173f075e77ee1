import type { Pool } from 'pg';
import type { AppendSignal } from '../appendSignal';

/**
 * Wakes readers once appends have committed: this process's subscriptions at once, other
 * processes' (a projector, a second API) by a NOTIFY sent after the commit, at most one every
 * `intervalMs`: batches that commit meanwhile share the next one, so a reader in another process
 * hears of an append within that interval. Sent outside the appending transaction, it keeps the
 * commit off the lock NOTIFY takes at commit time, and the server off one NOTIFY per append.
 * A lost one costs a reader its poll interval, nothing more.
 */
export class PostgresAppendNotifier {
  private sending: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly pool: Pool,
    private readonly channel: string,
    private readonly local: AppendSignal,
    private readonly intervalMs = 5,
  ) {}

  committed(): void {
    this.local.notify();
    if (this.sending) {
      this.again = true;
      return;
    }
    this.sending = this.send().finally(() => (this.sending = null));
  }

  /** Resolves once no NOTIFY is in flight or waiting (before the pool closes). */
  async idle(): Promise<void> {
    await this.sending;
  }

  private async send(): Promise<void> {
    do {
      this.again = false;
      await this.pool.query('SELECT pg_notify($1, $2)', [this.channel, 'append']).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, this.intervalMs));
    } while (this.again);
  }
}
