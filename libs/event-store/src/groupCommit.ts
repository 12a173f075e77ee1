import type { AppendOptions, AppendResult, ExpectedVersion, NewEvent } from './eventStore.port';

/** One append waiting for its batch. */
export interface AppendRequest {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expectedVersion: ExpectedVersion;
  readonly options: AppendOptions;
}

/** How one append of a batch ended: each fails alone (a conflict, a taken key), the rest commit. */
export type AppendOutcome = { readonly ok: true; readonly result: AppendResult } | { readonly ok: false; readonly error: unknown };

/**
 * Commits a batch in one transaction and says how each append ended. It resolves only once the
 * transaction is durable; it rejects when the transaction as a whole failed (nothing committed).
 */
export type CommitBatch = (batch: readonly AppendRequest[]) => Promise<AppendOutcome[]>;

export interface GroupCommitLimits {
  /** Appends in one transaction at most. */
  readonly maxBatch: number;
  /** Transactions committing at once: 1 where the database has one writer (SQLite). */
  readonly maxInFlight: number;
}

interface Pending {
  readonly request: AppendRequest;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/**
 * Group commit: appends that arrive together (in the same turn of the event loop, or while the
 * previous batch commits) go into one transaction, so one fsync acknowledges many. No append is
 * acknowledged before its batch has committed. A batch holds at most one append per stream, and
 * a stream with an append in a batch still committing waits for it: appends to one stream are
 * committed in the order they came, and none is planned on a head that is about to move.
 */
export class GroupCommit {
  private queue: Pending[] = [];
  private readonly committing = new Set<string>();
  private inFlight = 0;
  private scheduled = false;
  private idle: Array<() => void> = [];

  constructor(
    private readonly commit: CommitBatch,
    private readonly limits: GroupCommitLimits,
  ) {}

  append(request: AppendRequest): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once nothing is queued or committing (for close). */
  drained(): Promise<void> {
    if (this.queue.length === 0 && this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // After the I/O callbacks of this turn: every request that arrived with this one joins it.
    setImmediate(() => {
      this.scheduled = false;
      this.startBatches();
    });
  }

  private startBatches(): void {
    while (this.inFlight < this.limits.maxInFlight) {
      const batch = this.takeBatch();
      if (batch.length === 0) break;
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        if (this.queue.length > 0) this.schedule();
        else if (this.inFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
      });
    }
  }

  /** The oldest waiting append of each stream not already committing, up to the batch limit. */
  private takeBatch(): Pending[] {
    const batch: Pending[] = [];
    const rest: Pending[] = [];
    const streams = new Set<string>();
    for (const pending of this.queue) {
      const { streamId } = pending.request;
      if (batch.length < this.limits.maxBatch && !streams.has(streamId) && !this.committing.has(streamId)) {
        batch.push(pending);
        streams.add(streamId);
      } else {
        rest.push(pending);
      }
    }
    this.queue = rest;
    for (const streamId of streams) this.committing.add(streamId);
    return batch;
  }

  private async run(batch: Pending[]): Promise<void> {
    try {
      const outcomes = await this.commit(batch.map((pending) => pending.request));
      batch.forEach((pending, index) => {
        const outcome = outcomes[index];
        if (outcome.ok) pending.resolve(outcome.result);
        else pending.reject(outcome.error);
      });
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    } finally {
      for (const pending of batch) this.committing.delete(pending.request.streamId);
    }
  }
}
