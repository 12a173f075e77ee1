import type { AppendSignal } from './appendSignal';
import { InvalidCheckpointError } from './errors';
import type { Checkpoint, EventHandler, PageHandler, ReadAllPage, SubscribeOptions, Subscription, SubscriptionHealth } from './eventStore.port';

export interface CatchUpSource {
  readAll(options: { after: Checkpoint | null; limit: number }): Promise<ReadAllPage>;
  readonly signal: AppendSignal;
  /** The longest wait between reads when no notification comes (another process may append). */
  readonly pollMs: number;
}

/** Events one at a time (the checkpoint moves after each), or whole pages (it moves after each page). */
export type Delivery = { readonly each: EventHandler } | { readonly pages: PageHandler };

export const DEFAULT_PAGE_SIZE = 500;
/** The longest wait between retries of a failing read. */
const MAX_BACKOFF_MS = 30_000;

/**
 * Reads pages after its checkpoint and hands each page to the handler, in order; when caught up
 * it waits for a notification or the poll interval. Whether an event may be delivered yet
 * (PostgreSQL's in-flight transactions) is the source's `readAll`'s concern.
 *
 * A read that fails (the store is unreachable) is retried with exponential back-off, and every
 * failure is reported to `onReadError` and kept in `health` until a read succeeds again: never
 * retried silently. A checkpoint the store cannot read is no transient failure: the
 * subscription stops and reports it to `onError`, as it does when the handler throws.
 */
export class CatchUpSubscription implements Subscription {
  private current: Checkpoint | null;
  private stopped = false;
  private stopRequested!: () => void;
  private readonly cancelled = new Promise<void>((resolve) => (this.stopRequested = resolve));
  private readonly loop: Promise<void>;
  private failures = 0;
  private lastError: string | null = null;
  private caughtUp = false;

  constructor(
    private readonly source: CatchUpSource,
    private readonly delivery: Delivery,
    private readonly options: SubscribeOptions = {},
    private readonly onStopped: (subscription: CatchUpSubscription) => void = () => {},
  ) {
    this.current = options.after ?? null;
    this.loop = this.run();
  }

  get checkpoint(): Checkpoint | null {
    return this.current;
  }

  get health(): SubscriptionHealth {
    return { stopped: this.stopped, caughtUp: this.caughtUp, consecutiveReadFailures: this.failures, lastError: this.lastError };
  }

  /** Resolves when the subscription has stopped, by `stop()` or by a failure. */
  get done(): Promise<void> {
    return this.loop;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopRequested();
    await this.loop;
    this.onStopped(this);
  }

  private async run(): Promise<void> {
    const pageSize = this.options.pageSize ?? DEFAULT_PAGE_SIZE;
    while (!this.stopped) {
      const generation = this.source.signal.generation;
      let page: ReadAllPage;
      try {
        page = await this.source.readAll({ after: this.current, limit: pageSize });
      } catch (error) {
        if (error instanceof InvalidCheckpointError) return this.fail(error);
        this.failures++;
        this.lastError = error instanceof Error ? error.message : String(error);
        this.options.onReadError?.(error, this.failures);
        const backoff = Math.min(MAX_BACKOFF_MS, this.source.pollMs * 2 ** Math.min(this.failures - 1, 10));
        await this.source.signal.waitBeyond(Number.MAX_SAFE_INTEGER, backoff, this.cancelled);
        continue;
      }
      this.failures = 0;
      this.lastError = null;
      try {
        await this.deliver(page);
      } catch (error) {
        return this.fail(error);
      }
      if (this.stopped) return;
      this.caughtUp = page.events.length < pageSize;
      if (page.events.length === 0) {
        await this.source.signal.waitBeyond(generation, this.source.pollMs, this.cancelled);
      }
    }
  }

  private async deliver(page: ReadAllPage): Promise<void> {
    if (page.events.length === 0) return;
    if ('pages' in this.delivery) {
      await this.delivery.pages(page.events);
      this.current = page.events[page.events.length - 1].checkpoint;
      return;
    }
    for (const event of page.events) {
      if (this.stopped) return;
      await this.delivery.each(event);
      this.current = event.checkpoint;
    }
  }

  private fail(error: unknown): void {
    this.stopped = true;
    this.lastError = error instanceof Error ? error.message : String(error);
    this.options.onError?.(error);
  }
}
