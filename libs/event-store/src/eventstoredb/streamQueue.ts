/**
 * Runs the work given for one key one at a time, in the order it came; different keys run
 * side by side. The EventStoreDB store queues each stream's appends here, so that this process
 * never sends the server two appends to one stream planned on the same head: the second is
 * planned on the first's result instead of failing as a conflict and being planned again.
 */
export class StreamQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    // The last in line clears its key, so the map holds only streams with work queued.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Resolves once everything queued so far has finished (for close). */
  async drained(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }
}
