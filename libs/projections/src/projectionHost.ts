import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { EventStore } from '@app/event-store';
import type { ReadModelDb } from './db/readModelDb';
import { PROJECTION_NAME, type Projection } from './projection';
import { ProjectionRunner, type RunnerOptions } from './projectionRunner';
import { allGenerations, createStateTables, type ProjectionStatus } from './projectionState';
import { type CatchUpStore, SharedCatchUp } from './sharedCatchUp';

/** A projection as GET /projections shows it. */
export interface ProjectionInfo {
  readonly name: string;
  /** The global position of the last event the tables readers see have applied. */
  readonly position: number;
  /** Events in the store that those tables have yet to apply. */
  readonly lag: number;
  readonly status: ProjectionStatus;
  readonly error?: string;
  /** Which process's runner holds it (null: none does now). */
  readonly runner: string | null;
  /** While rebuilding: how far the new generation has got. */
  readonly rebuild?: { readonly position: number; readonly lag: number };
}

export type HostOptions = Omit<RunnerOptions, 'holder' | 'store'> & {
  /** With `readAll`, runners catching up together share their reads (see SharedCatchUp). */
  readonly store: Pick<EventStore, 'subscribeToPages' | 'countAfter'> & Partial<Pick<EventStore, 'readAll'>>;
  readonly holder?: string;
  /** Events a page while a runner catches up; `pageSize` then limits the live pages. */
  readonly catchUpPageSize?: number;
};

const canReadAll = (store: HostOptions['store']): store is HostOptions['store'] & CatchUpStore => typeof store.readAll === 'function';

/** A name for this process in leases: host, pid and a random tag. */
export const processHolder = () => `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/**
 * The projections of one process. With `run`, it runs a runner for each (a standby where
 * another process holds the lease); without, it only reads their state and files requests,
 * as an API does when separate projector processes run them (PROJECTIONS=off).
 */
export class ProjectionHost {
  private readonly runners: ProjectionRunner[] = [];
  private readonly byName: Map<string, Projection>;

  private constructor(
    readonly projections: readonly Projection[],
    private readonly options: HostOptions & { readonly holder: string },
  ) {
    this.byName = new Map(projections.map((projection) => [projection.name, projection]));
  }

  static async open(projections: readonly Projection[], options: HostOptions): Promise<ProjectionHost> {
    for (const projection of projections) {
      if (!PROJECTION_NAME.test(projection.name)) throw new Error(`invalid projection name ${projection.name}`);
    }
    await createStateTables(options.db);
    return new ProjectionHost(projections, { ...options, holder: options.holder ?? processHolder() });
  }

  get db(): ReadModelDb {
    return this.options.db;
  }

  /** Starts a runner for every projection. */
  run(): void {
    if (this.runners.length > 0) return;
    const { store: source, catchUpPageSize } = this.options;
    // One feed for every runner here: projections catching up together read the store once.
    const store = canReadAll(source) ? new SharedCatchUp(source, catchUpPageSize) : source;
    for (const projection of this.projections) {
      const runner = new ProjectionRunner(projection, { ...this.options, store });
      this.runners.push(runner);
      runner.start();
    }
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** Asks whichever runner holds the projection to rebuild it from the start. */
  async requestRebuild(name: string): Promise<void> {
    if (!this.byName.has(name)) throw new Error(`no projection named ${name}`);
    await this.options.db.transaction(async (tx) => {
      await tx.run('INSERT INTO projection_control (name, holder, lease_expires_at) VALUES ($1, NULL, 0) ON CONFLICT (name) DO NOTHING', [name]);
      await tx.run('UPDATE projection_control SET rebuild_requested_at = $2 WHERE name = $1', [name, this.options.clock.now().toISOString()]);
    });
    for (const runner of this.runners) runner.poke();
  }

  /** Every projection's position, lag and status, wherever its runner runs. */
  async describe(): Promise<ProjectionInfo[]> {
    const generations = await allGenerations(this.options.db);
    const controls = await this.options.db.all<{ name: string; holder: string | null; lease_expires_at: string | number }>(
      'SELECT name, holder, lease_expires_at FROM projection_control',
    );
    const now = this.options.clock.now().getTime();
    return Promise.all(
      this.projections.map(async ({ name }): Promise<ProjectionInfo> => {
        const active = generations.find((row) => row.name === name && row.active);
        const rebuilding = generations.find((row) => row.name === name && !row.active);
        const control = controls.find((row) => row.name === name);
        const held = control?.holder && Number(control.lease_expires_at) >= now ? control.holder : null;
        const lag = await this.options.store.countAfter(active?.checkpoint ?? null);
        const base = { name, position: active?.position ?? 0, lag, runner: held };
        if (!held) return { ...base, status: 'failed', error: 'no process is running this projection (is a projector running?)' };
        if (rebuilding) {
          return { ...base, status: 'rebuilding', rebuild: { position: rebuilding.position, lag: await this.options.store.countAfter(rebuilding.checkpoint) } };
        }
        const status = active?.status ?? 'catching-up';
        return { ...base, status, ...(active?.error && { error: active.error }) };
      }),
    );
  }

  /** The position the readers of a projection's tables see (asOfPosition). */
  async positionOf(name: string): Promise<number> {
    const [row] = await this.options.db.all<{ position: string | number }>('SELECT position FROM projection_state WHERE name = $1 AND active = 1', [name]);
    return Number(row?.position ?? 0);
  }

  async stop(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
    this.runners.length = 0;
  }
}
