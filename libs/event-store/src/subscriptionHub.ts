import { AppendSignal } from './appendSignal';
import { type CatchUpSource, CatchUpSubscription, type Delivery } from './catchUpSubscription';
import type { EventHandler, PageHandler, SubscribeOptions, Subscription } from './eventStore.port';

/** An adapter's live subscriptions: started from its `readAll`, woken by its append signal. */
export class SubscriptionHub {
  readonly signal = new AppendSignal();
  private readonly active = new Set<CatchUpSubscription>();

  constructor(
    private readonly readAll: CatchUpSource['readAll'],
    private readonly pollMs: number,
  ) {}

  subscribe(handler: EventHandler, options: SubscribeOptions = {}): Subscription {
    return this.start({ each: handler }, options);
  }

  subscribeToPages(handler: PageHandler, options: SubscribeOptions = {}): Subscription {
    return this.start({ pages: handler }, options);
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.active].map((subscription) => subscription.stop()));
  }

  private start(delivery: Delivery, options: SubscribeOptions): Subscription {
    const source: CatchUpSource = { readAll: this.readAll, signal: this.signal, pollMs: this.pollMs };
    const subscription = new CatchUpSubscription(source, delivery, options, (stopped) => this.active.delete(stopped));
    this.active.add(subscription);
    return subscription;
  }
}
