import type { StreamHead } from './appendPlan';

/**
 * The stream heads this process last saw (from its own appends and its reads), so an append can
 * be planned without reading the head first. A belief, never the truth: the store checks it
 * under the stream's lock and answers with the real head when it was stale. Bounded: the heads
 * least recently used are forgotten first.
 */
export class HeadCache {
  private readonly heads = new Map<string, StreamHead>();

  constructor(private readonly capacity = 10_000) {}

  get(streamId: string): StreamHead | undefined {
    return this.heads.get(streamId);
  }

  set(streamId: string, head: StreamHead): void {
    this.heads.delete(streamId);
    this.heads.set(streamId, head);
    if (this.heads.size > this.capacity) this.heads.delete(this.heads.keys().next().value!);
  }

  forget(streamId: string): void {
    this.heads.delete(streamId);
  }
}
