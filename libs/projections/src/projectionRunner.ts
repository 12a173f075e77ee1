import type { Checkpoint, Clock, EventStore, GlobalEvent, Subscription } from '@app/event-store';
import type { ReadModelDb, SqlExecutor } from './db/readModelDb';
import { ProjectionLease } from './lease';
import type { Projection, ProjectionTransaction } from './projection';
import {
  activateGeneration,
  createGeneration,
  definitionOf,
  dropGeneration,
  type GenerationRow,
  generationsOf,
  physicalName,
  type ProjectionStatus,
} from './projectionState';

/** The checkpoint moved under this runner: another runner applied the page. Nothing was written. */
export class FencedError extends Error {
  constructor(name: string, generation: number) {
    super(`projection ${name} generation ${generation} was advanced by another runner`);
    this.name = 'FencedError';
  }
}

export interface RunnerLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface RunnerOptions {
  readonly store: Pick<EventStore, 'subscribeToPages'>;
  readonly db: ReadModelDb;
  readonly clock: Clock;
  /** This process's name in leases (unique per process). */
  readonly holder: string;
  readonly leaseMs?: number;
  /** How often the runner renews its lease, publishes its status and looks for rebuild requests. */
  readonly tickMs?: number;
  /** Events per page: one transaction each. */
  readonly pageSize?: number;
  readonly log?: RunnerLog;
  /** Told of every page applied (metrics). */
  readonly onPage?: (projection: string, events: number) => void;
  readonly onReadError?: (projection: string, error: unknown) => void;
}

interface Target {
  readonly generation: number;
  readonly checkpoint: Checkpoint | null;
  readonly position: number;
  readonly rebuilding: boolean;
}

/** How often the lease holder writes its status again though it has not changed. */
const REPUBLISH_MS = 5_000;

const silent: RunnerLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Runs one projection: while it holds the projection's lease, it catches up from the
 * checkpoint in pages and then follows live, applying each page and moving the checkpoint in
 * one transaction that first compares the checkpoint with the one it started from (a fencing
 * token), so a crash at any instant, or a second runner, neither loses nor doubles an event.
 *
 * A rebuild writes a new generation of the projection's tables from the start of the store
 * while readers keep reading the old one through its views; once the new generation has caught
 * up, the views are switched to it and the old tables dropped, in one transaction.
 */
export class ProjectionRunner {
  private readonly lease: ProjectionLease;
  private readonly tickMs: number;
  private readonly pageSize: number;
  private readonly log: RunnerLog;
  private stopped = false;
  private loop: Promise<void> | undefined;
  private readonly sleepers = new Set<() => void>();
  private published: { status: ProjectionStatus; error: string | null; at: number } | undefined;
  private leading = false;

  constructor(
    readonly projection: Projection,
    private readonly options: RunnerOptions,
  ) {
    this.tickMs = options.tickMs ?? 500;
    this.pageSize = options.pageSize ?? 1000;
    this.log = options.log ?? silent;
    this.lease = new ProjectionLease(options.db, projection.name, options.holder, options.clock, options.leaseMs ?? 5_000);
  }

  /** Whether this runner holds the lease and is working (rather than standing by). */
  get isLeading(): boolean {
    return this.leading;
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Look for work now rather than at the next tick (a rebuild was just requested). */
  poke(): void {
    for (const wake of [...this.sleepers]) wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.poke();
    await this.loop;
    if (this.leading) await this.lease.release().catch(() => undefined);
    this.leading = false;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        this.leading = await this.lease.acquire();
        if (this.leading) {
          await this.lead();
          failures = 0;
        } else {
          await this.sleep(this.tickMs);
        }
      } catch (error) {
        if (this.stopped) return;
        failures++;
        const message = messageOf(error);
        this.log.error(`projection ${this.projection.name} failed (attempt ${failures}): ${message}`);
        await this.publish('failed', message).catch(() => undefined);
        await this.sleep(Math.min(30_000, this.tickMs * 2 ** Math.min(failures, 6)));
      }
    }
  }

  /** Works while it holds the lease; returns when it loses it or is stopped. */
  private async lead(): Promise<void> {
    await this.ensureActiveGeneration();
    await this.rebuildIfRedefined();
    while (!this.stopped) {
      const target = await this.target();
      const outcome = await this.follow(target);
      if (outcome === 'lost-lease') return;
    }
  }

  /** Follows the store into one generation until something changes what it should be doing. */
  private async follow(target: Target): Promise<'lost-lease' | 'retarget' | 'stopped'> {
    let expected = target.checkpoint;
    let position = target.position;
    let failure: unknown;
    const subscription: Subscription = this.options.store.subscribeToPages(
      async (events) => {
        [expected, position] = await this.applyPage(target.generation, expected, position, events);
        this.options.onPage?.(this.projection.name, events.length);
      },
      {
        after: target.checkpoint,
        pageSize: this.pageSize,
        onError: (error) => (failure = error),
        onReadError: (error, failures) => {
          this.log.warn(`projection ${this.projection.name} cannot read the event store (${failures} in a row): ${messageOf(error)}`);
          this.options.onReadError?.(this.projection.name, error);
        },
      },
    );
    try {
      while (!this.stopped) {
        await Promise.race([subscription.done, this.sleep(this.tickMs)]);
        if (subscription.health.stopped) {
          if (failure instanceof FencedError) {
            this.log.warn(failure.message);
            return 'retarget';
          }
          throw failure;
        }
        if (!(await this.lease.acquire())) return 'lost-lease';
        const { caughtUp, consecutiveReadFailures, lastError } = subscription.health;
        if (target.rebuilding && caughtUp) {
          await subscription.stop();
          await this.swap(target.generation, expected);
          return 'retarget';
        }
        if (!target.rebuilding && (await this.rebuildRequested())) {
          await subscription.stop();
          await this.beginRebuild();
          return 'retarget';
        }
        if (consecutiveReadFailures > 0) await this.publish('failed', `cannot read the event store: ${lastError}`);
        else await this.publish(target.rebuilding ? 'rebuilding' : caughtUp ? 'live' : 'catching-up', null);
      }
      return 'stopped';
    } finally {
      await subscription.stop();
    }
  }

  private async applyPage(
    generation: number,
    expected: Checkpoint | null,
    position: number,
    events: GlobalEvent[],
  ): Promise<[Checkpoint, number]> {
    const { name, handles } = this.projection;
    const last = events[events.length - 1];
    const reached = events.reduce((max, event) => Math.max(max, event.globalPosition), position);
    await this.options.db.transaction(async (tx) => {
      const lock = tx.dialect === 'postgres' ? ' FOR UPDATE' : '';
      const [row] = await tx.all<{ checkpoint: string | null }>(
        `SELECT checkpoint FROM projection_state WHERE name = $1 AND generation = $2${lock}`,
        [name, generation],
      );
      if (!row || row.checkpoint !== expected) throw new FencedError(name, generation);
      const handled = events.filter((event) => handles.includes(event.type));
      if (handled.length > 0) await this.projection.apply(handled, withTables(tx, this.projection, generation));
      await tx.run(
        'UPDATE projection_state SET checkpoint = $3, position = $4, applied = applied + $5, updated_at = $6 WHERE name = $1 AND generation = $2',
        [name, generation, last.checkpoint, reached, handled.length, this.now()],
      );
    });
    return [last.checkpoint, reached];
  }

  private async ensureActiveGeneration(): Promise<void> {
    await this.options.db.transaction(async (tx) => {
      const generations = await generationsOf(tx, this.projection.name, true);
      if (generations.some((row) => row.active)) return;
      await createGeneration(tx, this.projection, 1, 'catching-up', this.now());
      await activateGeneration(tx, this.projection, 1, null);
    });
  }

  /** Tables written by another version of the projection's code are rebuilt by this one. */
  private async rebuildIfRedefined(): Promise<void> {
    const generations = await generationsOf(this.options.db, this.projection.name);
    const current = definitionOf(this.projection, this.options.db.dialect);
    if (generations.some((row) => row.definition === current)) return;
    this.log.info(`projection ${this.projection.name}: its code has changed since its tables were written; rebuilding them`);
    await this.beginRebuild();
  }

  /** The generation to write: one being rebuilt if there is one, else the active one. */
  private async target(): Promise<Target> {
    const generations = await generationsOf(this.options.db, this.projection.name);
    const rebuilding = generations.find((row) => !row.active);
    const row = (rebuilding ?? generations.find((candidate) => candidate.active)) as GenerationRow;
    return { generation: row.generation, checkpoint: row.checkpoint, position: row.position, rebuilding: rebuilding !== undefined };
  }

  private async rebuildRequested(): Promise<boolean> {
    const [row] = await this.options.db.all<{ rebuild_requested_at: string | null }>(
      'SELECT rebuild_requested_at FROM projection_control WHERE name = $1',
      [this.projection.name],
    );
    return Boolean(row?.rebuild_requested_at);
  }

  private async beginRebuild(): Promise<void> {
    const current = definitionOf(this.projection, this.options.db.dialect);
    await this.options.db.transaction(async (tx) => {
      const generations = await generationsOf(tx, this.projection.name, true);
      // A rebuild begun by other code writes tables this code does not: start it again.
      for (const stale of generations.filter((row) => !row.active && row.definition !== current)) {
        await dropGeneration(tx, this.projection, stale.generation);
      }
      if (!generations.some((row) => !row.active && row.definition === current)) {
        const next = Math.max(...generations.map((row) => row.generation)) + 1;
        await createGeneration(tx, this.projection, next, 'rebuilding', this.now());
        this.log.info(`projection ${this.projection.name}: rebuilding from the start into generation ${next}`);
      }
      await tx.run('UPDATE projection_control SET rebuild_requested_at = NULL WHERE name = $1', [this.projection.name]);
    });
    this.published = undefined;
  }

  private async swap(generation: number, expected: Checkpoint | null): Promise<void> {
    await this.options.db.transaction(async (tx) => {
      const generations = await generationsOf(tx, this.projection.name, true);
      const rebuilt = generations.find((row) => row.generation === generation);
      if (!rebuilt || rebuilt.checkpoint !== expected) throw new FencedError(this.projection.name, generation);
      const retired = generations.find((row) => row.active);
      await activateGeneration(tx, this.projection, generation, retired?.generation ?? null);
      await tx.run("UPDATE projection_state SET status = 'live', error = NULL WHERE name = $1 AND generation = $2", [this.projection.name, generation]);
    });
    this.published = { status: 'live', error: null, at: Date.now() };
    this.log.info(`projection ${this.projection.name}: generation ${generation} caught up and now answers reads`);
  }

  /** Records the status where every process can read it (GET /projections); only on change. */
  private async publish(status: ProjectionStatus, error: string | null): Promise<void> {
    // Unchanged, and said lately: nothing to write. Said again every few seconds all the same,
    // since a runner that lost the lease while stalled (SIGSTOP) may have written its stale
    // status over the holder's as it woke, and nothing else would ever put it right.
    const unchanged = this.published?.status === status && this.published.error === error;
    if (unchanged && Date.now() - this.published!.at < REPUBLISH_MS) return;
    const target = await this.target();
    await this.options.db.run('UPDATE projection_state SET status = $3, error = $4, updated_at = $5 WHERE name = $1 AND generation = $2', [
      this.projection.name,
      target.generation,
      status,
      error,
      this.now(),
    ]);
    this.published = { status, error, at: Date.now() };
  }

  /** Waits `ms`, or less if poked or stopped. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleepers.add(done);
    });
  }

  private now(): string {
    return this.options.clock.now().toISOString();
  }
}

function withTables(tx: SqlExecutor, projection: Projection, generation: number): ProjectionTransaction {
  const names = new Map(projection.tables.map((table) => [table.name, physicalName(table.name, generation)]));
  return {
    dialect: tx.dialect,
    all: (sql, params) => tx.all(sql, params),
    run: (sql, params) => tx.run(sql, params),
    exec: (sql) => tx.exec(sql),
    table: (name) => {
      const physical = names.get(name);
      if (!physical) throw new Error(`projection ${projection.name} has no table ${name}`);
      return physical;
    },
  };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
