import { type EventStore, systemClock } from '@app/event-store';
import { isIssueStream, issueIdOf } from '@app/streams';
import { allProjections, numberOf, physicalName, type Projection, ProjectionHost, type ReadModelDb, viewName } from '@app/projections';
import { openServiceLevelRegistry, readPolicyFile, type ServiceLevelRegistry } from '@app/service-levels';
import { loadAreas } from '../../apps/api/src/config/areas';
import { CATEGORIES } from '../../apps/api/src/reference-data/categories';
import { fixedServiceLevels } from '@app/service-levels/testing/fixedServiceLevels';

/**
 * The registry of a deployment with the bundled policy and areas (as the e2e apps run): its
 * version is already adopted in their store, so opening it adopts nothing anew.
 */
export function bundledServiceLevels(store: EventStore): Promise<ServiceLevelRegistry> {
  return openServiceLevelRegistry(store, readPolicyFile(undefined, { categories: CATEGORIES, areaIds: loadAreas(undefined).map((area) => area.id) }));
}

// For what only names the projections and reads their tables: no event is applied through it.
const EVERY_PROJECTION = allProjections({ serviceLevels: fixedServiceLevels() });

type Row = Record<string, unknown>;

/** Where one projection's active generation stands in a read-model database. */
export interface ProjectionMark {
  readonly checkpoint: string | null;
  readonly position: number;
  /** Handled events applied to this generation: each event counted once, or the rows are wrong too. */
  readonly applied: number;
}

/** Every projection's mark and every table's rows (read through its view, ordered by primary key). */
export interface ReadModelSnapshot {
  readonly marks: Record<string, ProjectionMark>;
  readonly tables: Record<string, Row[]>;
}

export interface RebuildComparison {
  readonly subject: ReadModelSnapshot;
  readonly reference: ReadModelSnapshot;
  /** What differs, one line each (empty when the read models are equal); at most 20 lines per table. */
  readonly differences: string[];
}

export interface RebuildOptions {
  /** The store both read models follow. */
  readonly store: Pick<EventStore, 'subscribeToPages' | 'countAfter'>;
  /** An empty database (a temp SQLite file, a fresh PostgreSQL schema) for the rebuild from zero. */
  readonly reference: ReadModelDb;
  /** The rules the rebuild judges deadlines by: the store's policy versions, as the app's. */
  readonly serviceLevels: ServiceLevelRegistry;
  readonly projections?: readonly Projection[];
}

/**
 * Every projection rebuilt from the first event into an empty database by a fresh host, to
 * compare the read models under test with. Start it early: it catches up while they do.
 */
export class RebuildFromZero {
  private constructor(
    private readonly host: ProjectionHost,
    private readonly options: Required<Omit<RebuildOptions, 'serviceLevels'>>,
  ) {}

  static async start(options: RebuildOptions): Promise<RebuildFromZero> {
    const { store, reference, serviceLevels, projections = allProjections({ serviceLevels }) } = options;
    const host = await ProjectionHost.open(projections, { store, db: reference, clock: systemClock, tickMs: 50, holder: 'reference-rebuild' });
    host.run();
    return new RebuildFromZero(host, { store, reference, projections });
  }

  /**
   * Waits until the rebuild and `subject` have both applied everything in the store (the same
   * checkpoint, lag 0), then compares every table of every projection row by row. A page
   * landing while the tables are read (a late event) makes it wait and read again, so both are
   * read at one point of the store.
   */
  async compareWith(subject: ReadModelDb, timeoutMs = 30_000): Promise<RebuildComparison> {
    const { store, reference, projections } = this.options;
    const running = await marksOf(subject, projections);
    const absent = projections.filter((projection) => !running[projection.name]).map((projection) => projection.name);
    if (absent.length > 0) {
      throw new Error(`the read models under test have never run ${absent.join(', ')}: is dist built from this source? (npm run build)`);
    }
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const marks = await bothAtHead(store, subject, reference, projections);
      if (marks) {
        const snapshots = { subject: await snapshotOf(subject, projections), reference: await snapshotOf(reference, projections) };
        const after = await bothAtHead(store, subject, reference, projections);
        if (after && JSON.stringify(after) === JSON.stringify(marks)) return { ...snapshots, differences: differencesBetween(snapshots.subject, snapshots.reference, projections) };
      }
      if (Date.now() > deadline) {
        const where = { subject: await marksOf(subject, projections), reference: await marksOf(reference, projections) };
        throw new Error(`the read models did not both reach the store's head within ${timeoutMs} ms: ${JSON.stringify(where)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  stop(): Promise<void> {
    return this.host.stop();
  }
}

/** Rebuilds from zero into `reference` and compares `subject` with it (RebuildFromZero, start to stop). */
export async function compareWithRebuildFromZero(options: RebuildOptions & { readonly subject: ReadModelDb; readonly timeoutMs?: number }): Promise<RebuildComparison> {
  const rebuild = await RebuildFromZero.start(options);
  try {
    return await rebuild.compareWith(options.subject, options.timeoutMs);
  } finally {
    await rebuild.stop();
  }
}

/** Both databases' checkpoints when they agree and nothing is left to apply; otherwise null. */
async function bothAtHead(
  store: RebuildOptions['store'],
  subject: ReadModelDb,
  reference: ReadModelDb,
  projections: readonly Projection[],
): Promise<Record<string, string | null> | null> {
  const [ours, theirs] = [await marksOf(subject, projections), await marksOf(reference, projections)];
  const checkpoints: Record<string, string | null> = {};
  for (const { name } of projections) {
    const checkpoint = ours[name]?.checkpoint ?? null;
    if (!ours[name] || !theirs[name] || theirs[name].checkpoint !== checkpoint) return null;
    if ((await store.countAfter(checkpoint)) > 0) return null;
    checkpoints[name] = checkpoint;
  }
  return checkpoints;
}

export async function marksOf(db: ReadModelDb, projections: readonly Projection[] = EVERY_PROJECTION): Promise<Record<string, ProjectionMark>> {
  const rows = await db
    .all<{ name: string; checkpoint: string | null; position: unknown; applied: unknown }>(
      'SELECT name, checkpoint, position, applied FROM projection_state WHERE active = 1',
    )
    .catch(() => []); // no state tables yet: nothing has run there
  const names = new Set(projections.map((projection) => projection.name));
  return Object.fromEntries(
    rows.filter((row) => names.has(row.name)).map((row) => [row.name, { checkpoint: row.checkpoint, position: numberOf(row.position), applied: numberOf(row.applied) }]),
  );
}

export async function snapshotOf(db: ReadModelDb, projections: readonly Projection[] = EVERY_PROJECTION): Promise<ReadModelSnapshot> {
  const tables: Record<string, Row[]> = {};
  for (const projection of projections) {
    const [active] = await db.all<{ generation: unknown }>('SELECT generation FROM projection_state WHERE name = $1 AND active = 1', [projection.name]);
    if (!active) continue;
    for (const table of projection.tables) {
      // The view hides the primary key: it is read from the generation's table behind it.
      const key = await primaryKeyOf(db, physicalName(table.name, numberOf(active.generation)));
      const order = key.length > 0 ? ` ORDER BY ${key.map((column) => `"${column}"`).join(', ')}` : '';
      const rows = await db.all<Row>(`SELECT * FROM ${viewName(table.name)}${order}`);
      tables[table.name] = key.length > 0 ? rows : rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    }
  }
  return { marks: await marksOf(db, projections), tables };
}

async function primaryKeyOf(db: ReadModelDb, table: string): Promise<string[]> {
  const rows =
    db.dialect === 'sqlite'
      ? await db.all<{ name: string }>('SELECT name FROM pragma_table_info($1) WHERE pk > 0 ORDER BY pk', [table])
      : await db.all<{ name: string }>(
          `SELECT a.attname AS name FROM pg_index i
           JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
           WHERE i.indrelid = to_regclass($1) AND i.indisprimary
           ORDER BY array_position(i.indkey::int2[], a.attnum)`,
          [table],
        );
  return rows.map((row) => row.name);
}

function differencesBetween(subject: ReadModelSnapshot, reference: ReadModelSnapshot, projections: readonly Projection[]): string[] {
  const differences: string[] = [];
  for (const projection of projections) {
    const [ours, theirs] = [subject.marks[projection.name], reference.marks[projection.name]];
    if (JSON.stringify(ours) !== JSON.stringify(theirs)) differences.push(`${projection.name}: at ${JSON.stringify(ours)}, rebuilt at ${JSON.stringify(theirs)}`);
    for (const { name } of projection.tables) {
      const [mine, rebuilt] = [subject.tables[name], reference.tables[name]];
      if (!mine || !rebuilt) {
        differences.push(`${name}: ${mine ? 'not rebuilt' : 'missing from the read models under test'}`);
        continue;
      }
      if (mine.length !== rebuilt.length) differences.push(`${name}: ${mine.length} rows, rebuilt ${rebuilt.length}`);
      let shown = 0;
      for (let i = 0; i < Math.max(mine.length, rebuilt.length) && shown < 20; i++) {
        const [a, b] = [JSON.stringify(mine[i] ?? null), JSON.stringify(rebuilt[i] ?? null)];
        if (a === b) continue;
        differences.push(`${name} row ${i}: ${a.slice(0, 400)} but rebuilt ${b.slice(0, 400)}`);
        shown++;
      }
    }
  }
  return differences;
}

/** Each issue's version as the store has it (its events counted, whole store read), for "nothing lost" checks. */
export async function issueVersionsInStore(store: Pick<EventStore, 'readAll' | 'countAfter'>, timeoutMs = 10_000): Promise<Record<string, number>> {
  const versions: Record<string, number> = {};
  const deadline = Date.now() + timeoutMs;
  let after: string | null = null;
  while ((await store.countAfter(after)) > 0) {
    const page = await store.readAll({ after, limit: 5_000 });
    // An empty page with events still to read: on PostgreSQL a transaction in flight anywhere
    // in the cluster holds the commit-safe horizon back for a moment.
    if (page.events.length === 0) {
      if (Date.now() > deadline) throw new Error(`the store's events could not all be read within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      continue;
    }
    for (const event of page.events) {
      if (isIssueStream(event.streamId)) versions[issueIdOf(event.streamId)] = (versions[issueIdOf(event.streamId)] ?? 0) + 1;
    }
    after = page.checkpoint;
  }
  return versions;
}

/** Each issue's version as the `issues` read model has it. */
export const issueVersionsIn = (snapshot: ReadModelSnapshot): Record<string, number> =>
  Object.fromEntries((snapshot.tables.issues ?? []).map((row) => [row.issue_id as string, Number(row.version)]));
