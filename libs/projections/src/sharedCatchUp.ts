import {
  type Checkpoint,
  type EventStore,
  InvalidCheckpointError,
  type PageHandler,
  type ReadAllPage,
  type SubscribeOptions,
  type Subscription,
  type SubscriptionHealth,
} from '@app/event-store';

export type CatchUpStore = Pick<EventStore, 'readAll' | 'subscribeToPages'>;

/** Events a page while catching up: big pages mean fewer transactions, each index page written fewer times. */
export const DEFAULT_CATCH_UP_PAGE_SIZE = 5_000;
const MAX_BACKOFF_MS = 30_000;
const FIRST_BACKOFF_MS = 500;

interface SharedPage {
  readonly page: Promise<ReadAllPage>;
  /** The readers that have taken it: once every reader catching up has, it goes. */
  readonly takenBy: Set<object>;
}

/**
 * How the runners of one host read the store. A runner that is behind reads big pages with
 * readAll, and runners asking for the same page while they catch up together (every projection
 * after a start on an empty read-model database, or a rebuild of all) share one read of it, so
 * the store is read and parsed once rather than once per projection. Once a read comes back
 * short, the runner is at the head and follows the store through the store's own subscription.
 *
 * Only full pages are shared: the events after a checkpoint, in the store's commit-safe order,
 * never change once read, whereas a short page may grow. Shared pages are read-only.
 */
export class SharedCatchUp {
  private readonly pages = new Map<string, SharedPage>();
  /** Each reader catching up, and the page it reads next (the key of the page: its `after`). */
  private readonly nextPages = new Map<object, string>();
  /** Readers waiting for the others to take the kept pages. */
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly store: CatchUpStore,
    readonly pageSize = DEFAULT_CATCH_UP_PAGE_SIZE,
    /** Pages kept for the readers behind: beyond that, the oldest goes. */
    private readonly capacity = 2,
    /** How long a reader waits at most for the others to take a kept page. */
    private readonly waitMs = 30_000,
  ) {}

  subscribeToPages(handler: PageHandler, options: SubscribeOptions = {}): Subscription {
    return new CatchUpThenLive(this, this.store, handler, options);
  }

  /** The full page after `after`, shared with the other readers catching up, or a short one. */
  async read(reader: object, after: Checkpoint | null): Promise<ReadAllPage> {
    const key = after ?? '';
    this.nextPages.set(reader, key);
    const deadline = Date.now() + this.waitMs;
    let shared = this.pages.get(key);
    // A reader ahead of others that are about to take the kept pages lets them, before it reads
    // on: a projection with little to do would otherwise race ahead and push out the pages the
    // others still need. The slowest sets the pace, as it does anyway: the rebuild is done when
    // it is. Within limits: a reader stuck for good must not hold the others up.
    while (!shared && this.pages.size >= this.capacity && this.othersAboutToTake(reader) && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(wake, deadline - Date.now());
        function wake() {
          clearTimeout(timer);
          resolve();
        }
        this.waiters.add(wake);
      });
      shared = this.pages.get(key);
    }
    const page = shared ? this.take(reader, key, shared) : this.readOwn(reader, key, after);
    const read = await page;
    // Where it goes next, while it applies this page: the others may wait for it to get there.
    if (this.nextPages.has(reader) && read.events.length > 0) this.nextPages.set(reader, read.events[read.events.length - 1].checkpoint);
    return read;
  }

  join(reader: object, after: Checkpoint | null): void {
    this.nextPages.set(reader, after ?? '');
  }

  leave(reader: object): void {
    this.nextPages.delete(reader);
    if (this.nextPages.size === 0) this.pages.clear();
    this.roomMade();
  }

  /** Wakes the readers waiting for room (one of them is stopping). */
  roomMade(): void {
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }

  private take(reader: object, key: string, shared: SharedPage): Promise<ReadAllPage> {
    shared.takenBy.add(reader);
    if (shared.takenBy.size >= this.nextPages.size) this.forget(key);
    return shared.page;
  }

  private readOwn(reader: object, key: string, after: Checkpoint | null): Promise<ReadAllPage> {
    const page = this.store.readAll({ after, limit: this.pageSize });
    this.pages.set(key, { page, takenBy: new Set([reader]) });
    const forgetThis = () => this.pages.get(key)?.page === page && this.forget(key);
    page.then((read) => read.events.length < this.pageSize && forgetThis(), forgetThis);
    for (const oldest of this.pages.keys()) {
      if (this.pages.size <= this.capacity) break;
      this.forget(oldest);
    }
    return page;
  }

  /** Another reader is about to take a kept page: it reads next a page kept that it has not yet taken. */
  private othersAboutToTake(reader: object): boolean {
    for (const [other, next] of this.nextPages) {
      if (other !== reader && this.pages.get(next)?.takenBy.has(other) === false) return true;
    }
    return false;
  }

  private forget(key: string): void {
    this.pages.delete(key);
    this.roomMade();
  }
}

/** Catches up through the shared reads, then follows live through the store's subscription. */
class CatchUpThenLive implements Subscription {
  private current: Checkpoint | null;
  private stopped = false;
  private live: Subscription | undefined;
  private failures = 0;
  private lastError: string | null = null;
  private wake: () => void = () => undefined;
  private readonly catchingUp: Promise<void>;

  constructor(
    private readonly shared: SharedCatchUp,
    private readonly store: CatchUpStore,
    private readonly handler: PageHandler,
    private readonly options: SubscribeOptions,
  ) {
    this.current = options.after ?? null;
    this.catchingUp = this.catchUp();
  }

  get checkpoint(): Checkpoint | null {
    return this.live ? this.live.checkpoint : this.current;
  }

  get health(): SubscriptionHealth {
    return this.live?.health ?? { stopped: this.stopped, caughtUp: false, consecutiveReadFailures: this.failures, lastError: this.lastError };
  }

  get done(): Promise<void> {
    return this.catchingUp.then(() => this.live?.done);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    this.shared.roomMade();
    await this.catchingUp;
    await this.live?.stop();
  }

  private async catchUp(): Promise<void> {
    this.shared.join(this, this.current);
    try {
      while (!this.stopped) {
        let page: ReadAllPage;
        try {
          page = await this.shared.read(this, this.current);
        } catch (error) {
          if (error instanceof InvalidCheckpointError) return this.fail(error);
          // Reported and retried with back-off, as the store's own subscription does.
          this.failures++;
          this.lastError = messageOf(error);
          this.options.onReadError?.(error, this.failures);
          await this.pause(Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.min(this.failures - 1, 10)));
          continue;
        }
        this.failures = 0;
        this.lastError = null;
        // At the head: the live subscription reads these last events itself.
        if (page.events.length < this.shared.pageSize) break;
        try {
          await this.handler(page.events);
        } catch (error) {
          return this.fail(error);
        }
        this.current = page.events[page.events.length - 1].checkpoint;
        // On SQLite every read and write is synchronous: without a turn of the event loop between
        // pages, a long catch-up would hold off HTTP requests and the runner's lease renewals.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.shared.leave(this);
    }
    if (!this.stopped) this.live = this.store.subscribeToPages(this.handler, { ...this.options, after: this.current });
  }

  private fail(error: unknown): void {
    this.stopped = true;
    this.lastError = messageOf(error);
    this.options.onError?.(error);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
