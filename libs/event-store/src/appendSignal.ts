/**
 * Wakes readers when something may have been appended. A generation counter closes the gap
 * between "read found nothing" and "start waiting": a reader waits only for notifications
 * after the generation it read at, so none is lost.
 */
export class AppendSignal {
  private generationCount = 0;
  private readonly waiters = new Set<() => void>();

  get generation(): number {
    return this.generationCount;
  }

  notify(): void {
    this.generationCount++;
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }

  /** Resolves after a notification beyond `generation`, after `timeoutMs`, or when `cancelled` resolves. */
  async waitBeyond(generation: number, timeoutMs: number, cancelled: Promise<void>): Promise<void> {
    if (this.generationCount > generation) return;
    let wake!: () => void;
    const notified = new Promise<void>((resolve) => (wake = resolve));
    this.waiters.add(wake);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    try {
      await Promise.race([notified, timedOut, cancelled]);
    } finally {
      clearTimeout(timer);
      this.waiters.delete(wake);
    }
  }
}
