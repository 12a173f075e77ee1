import type { AppendSignal } from './appendSignal';
import type { Checkpoint, EventHandler, ReadAllPage, SubscribeOptions, Subscription } from './eventStore.port';

export interface CatchUpSource {
  readAll(options: { after: Checkpoint | null; limit: number }): Promise<ReadAllPage>;
  readonly signal: AppendSignal;
  /** The longest wait between reads when no notification comes (another process may append). */
  readonly pollMs: number;
}

const BATCH = 500;

/**
 * Reads pages after its checkpoint and hands events to the handler one at a time, in order;
 * when caught up it waits for a notification or the poll interval. Whether an event may be
 * delivered yet (PostgreSQL's in-flight transactions) is the source's `readAll`'s concern.
 */
export class CatchUpSubscription implements Subscription {
  private current: Checkpoint | null;
  private stopped = false;
  private stopRequested!: () => void;
  private readonly cancelled = new Promise<void>((resolve) => (this.stopRequested = resolve));
  private readonly loop: Promise<void>;

  constructor(
    private readonly source: CatchUpSource,
    private readonly handler: EventHandler,
    private readonly options: SubscribeOptions = {},
    private readonly onStopped: (subscription: CatchUpSubscription) => void = () => {},
  ) {
    this.current = options.after ?? null;
    this.loop = this.run();
  }

  get checkpoint(): Checkpoint | null {
    return this.current;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopRequested();
    await this.loop;
    this.onStopped(this);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const generation = this.source.signal.generation;
      let page: ReadAllPage;
      try {
        page = await this.source.readAll({ after: this.current, limit: BATCH });
      } catch {
        // The store is unreachable for now: try again after the poll interval.
        await this.source.signal.waitBeyond(Number.MAX_SAFE_INTEGER, this.source.pollMs, this.cancelled);
        continue;
      }
      for (const event of page.events) {
        if (this.stopped) return;
        try {
          await this.handler(event);
        } catch (error) {
          this.stopped = true;
          this.options.onError?.(error);
          return;
        }
        this.current = event.checkpoint;
      }
      if (page.events.length === 0) {
        await this.source.signal.waitBeyond(generation, this.source.pollMs, this.cancelled);
      }
    }
  }
}
