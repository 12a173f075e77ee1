import { type AllStreamSubscription, END, type Filter, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { AppendSignal } from '../appendSignal';
import { withDeadline } from './withDeadline';

/**
 * Wakes this process's subscriptions when any process appends: a live subscription to the end
 * of $all (through the store's filter) that only rings the append signal. The subscriptions
 * themselves read pages with readAll, so this is a doorbell, never a source of events: when it
 * is down (the server restarts), they still poll every pollMs, and it resubscribes after that.
 */
export class EventStoreDbAppendWatcher {
  private subscription: AllStreamSubscription | null = null;
  private retry: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly client: KurrentDBClient,
    private readonly filter: Filter,
    private readonly signal: AppendSignal,
    private readonly retryMs: number,
    private readonly timeoutMs: number,
  ) {}

  start(): void {
    if (this.closed) return;
    const subscription = this.client.subscribeToAll({ fromPosition: END, filter: this.filter });
    this.subscription = subscription;
    subscription.on('data', () => this.signal.notify());
    const restart = () => {
      if (this.subscription !== subscription) return;
      this.subscription = null;
      void subscription.unsubscribe().catch(() => undefined);
      if (!this.closed) this.retry = setTimeout(() => this.start(), this.retryMs);
    };
    subscription.on('error', restart);
    subscription.on('end', restart);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const subscription = this.subscription;
    this.subscription = null;
    if (subscription) await withDeadline(subscription.unsubscribe(), this.timeoutMs, 'the end of the append subscription').catch(() => undefined);
  }
}
