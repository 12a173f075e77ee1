import type { Clock, EventStore } from '@app/event-store';
import { generationsOf, type Projection, ProjectionHost, type ProjectionInfo, processHolder, type ReadModelDb } from '@app/projections';

export interface RebuildRequest {
  readonly projection: Projection;
  /** Every projection, as the API hosts them: describe() reports on them all. */
  readonly projections: readonly Projection[];
  readonly store: Pick<EventStore, 'subscribeToPages' | 'countAfter'>;
  readonly db: ReadModelDb;
  readonly clock: Clock;
  readonly timeoutMs: number;
  /** How long a runner may keep failing before the rebuild is given up. */
  readonly failureGraceMs?: number;
  readonly intervalMs?: number;
  readonly report: (line: string) => void;
}

export interface RebuildOutcome {
  readonly ok: boolean;
  readonly fromGeneration: number;
  readonly toGeneration: number;
  readonly position: number;
  /** Why it did not finish (timeout, a failing runner). */
  readonly reason?: string;
}

/**
 * Requests a rebuild as POST /projections/:name/rebuild does, then sees it through: whichever
 * process's runner holds the projection does the work; when none does (the API is not
 * running), this process runs one until the new generation has swapped in and caught up.
 *
 * Finished means: a generation newer than any that existed at the request answers reads,
 * the request has been taken up, and describe() shows it live with no lag and no rebuild.
 */
export async function awaitRebuild(request: RebuildRequest): Promise<RebuildOutcome> {
  const { projection, store, db, clock, report } = request;
  const name = projection.name;
  const holder = processHolder();
  const host = await ProjectionHost.open(request.projections, { store, db, clock, holder });
  const fromGeneration = await latestGeneration(db, name);
  const activeBefore = (await activeGeneration(db, name)) ?? 0;
  await host.requestRebuild(name);
  report(`${name}: rebuild requested; generation ${activeBefore || 'none'} answers reads meanwhile`);

  const started = Date.now();
  let own: ProjectionHost | undefined;
  let announcedRunner: string | null = null;
  let failingSince: number | undefined;
  try {
    for (;;) {
      const info = (await host.describe()).find((candidate) => candidate.name === name) as ProjectionInfo;
      if (!info.runner && !own) {
        report(`${name}: no process holds it (no API or projector runs it now): rebuilding it in this process`);
        own = await ProjectionHost.open([projection], { store, db, clock, holder });
        own.run();
      } else if (info.runner && info.runner !== holder && info.runner !== announcedRunner) {
        report(`${name}: held by ${info.runner}: waiting for it to rebuild`);
        announcedRunner = info.runner;
      }

      const generations = await generationsOf(db, name);
      const active = generations.find((row) => row.active);
      const rebuilding = generations.find((row) => !row.active);
      const pending = await rebuildPending(db, name);
      if (info.runner) report(progressLine(name, info, rebuilding?.generation));

      if (info.status === 'live' && info.lag === 0 && !info.rebuild && !pending && active && active.generation > fromGeneration) {
        return { ok: true, fromGeneration: activeBefore, toGeneration: active.generation, position: active.position };
      }

      const failing = (info.runner && info.status === 'failed') || rebuilding?.status === 'failed';
      failingSince = failing ? (failingSince ?? Date.now()) : undefined;
      const error = rebuilding?.error ?? info.error;
      if (failingSince !== undefined && Date.now() - failingSince > (request.failureGraceMs ?? 30_000)) {
        return { ok: false, fromGeneration: activeBefore, toGeneration: active?.generation ?? 0, position: info.position, reason: `the runner keeps failing: ${error}` };
      }
      if (Date.now() - started > request.timeoutMs) {
        return { ok: false, fromGeneration: activeBefore, toGeneration: active?.generation ?? 0, position: info.position, reason: `not finished after ${Math.round(request.timeoutMs / 1000)} s` };
      }
      await new Promise((resolve) => setTimeout(resolve, request.intervalMs ?? 1_000));
    }
  } finally {
    await own?.stop();
  }
}

function progressLine(name: string, info: ProjectionInfo, rebuildingGeneration: number | undefined): string {
  const where = `position ${info.position}, lag ${info.lag}`;
  if (info.rebuild && rebuildingGeneration !== undefined) {
    return `${name}: rebuilding generation ${rebuildingGeneration}: position ${info.rebuild.position}, lag ${info.rebuild.lag} (readers: ${where})`;
  }
  return `${name}: ${info.status}, ${where}${info.error && info.runner ? ` (${info.error})` : ''}`;
}

async function latestGeneration(db: ReadModelDb, name: string): Promise<number> {
  return Math.max(0, ...(await generationsOf(db, name)).map((row) => row.generation));
}

async function activeGeneration(db: ReadModelDb, name: string): Promise<number | undefined> {
  return (await generationsOf(db, name)).find((row) => row.active)?.generation;
}

/** Whether the request still waits for a runner to take it up (it clears it as it begins). */
async function rebuildPending(db: ReadModelDb, name: string): Promise<boolean> {
  const [row] = await db.all<{ rebuild_requested_at: string | null }>('SELECT rebuild_requested_at FROM projection_control WHERE name = $1', [name]);
  return Boolean(row?.rebuild_requested_at);
}
