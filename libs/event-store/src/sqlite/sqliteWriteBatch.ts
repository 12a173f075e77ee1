import type Database from 'better-sqlite3';
import { StoreBusyError } from '../errors';

interface Job {
  run(): unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * Group commit for every write to the file: the writes asked for in one turn of the event loop
 * (appends, reference numbers, personal-data keys, idempotency claims) run in one IMMEDIATE
 * transaction, each in its own savepoint, and are answered once it has committed: one fsync
 * (synchronous=FULL) for all of them, none answered before it. A write that throws is rolled
 * back to its savepoint and fails alone. An intake's reference number, its resident's key and
 * its events are three writes: batched, sixteen intakes cost three fsyncs, not forty-eight.
 */
export class SqliteWriteBatch {
  private queue: Job[] = [];
  private scheduled = false;
  private idle: Array<() => void> = [];

  constructor(
    private readonly db: Database.Database,
    private readonly maxBatch: number,
  ) {}

  /** Runs `write` in the next batch's transaction; resolves with its result once that has committed. */
  run<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ run: write, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  /** Resolves once no write is waiting (for close). */
  drained(): Promise<void> {
    if (this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // After the I/O callbacks of this turn: every write asked for with this one joins it.
    setImmediate(() => {
      this.scheduled = false;
      this.commitNext();
    });
  }

  private commitNext(): void {
    const batch = this.queue.splice(0, this.maxBatch);
    let outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }>;
    try {
      outcomes = this.db
        .transaction(() =>
          batch.map((job) => {
            try {
              // A transaction function called inside another runs as a savepoint.
              return { ok: true as const, value: this.db.transaction(job.run)() };
            } catch (error) {
              return { ok: false as const, error };
            }
          }),
        )
        .immediate();
    } catch (error) {
      // The transaction as a whole failed (busy, disk full): nothing of the batch committed.
      const failure = (error as { code?: string }).code === 'SQLITE_BUSY' ? new StoreBusyError(error) : error;
      for (const job of batch) job.reject(failure);
      outcomes = [];
    }
    outcomes.forEach((outcome, index) => (outcome.ok ? batch[index].resolve(outcome.value) : batch[index].reject(outcome.error)));
    if (this.queue.length > 0) this.schedule();
    else for (const resolve of this.idle.splice(0)) resolve();
  }
}
