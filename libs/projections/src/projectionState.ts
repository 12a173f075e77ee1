import type { Checkpoint } from '@app/event-store';
import { createHash } from 'node:crypto';
import { type Dialect, numberOf, type ReadModelDb, type SqlExecutor } from './db/readModelDb';
import type { Projection } from './projection';

/**
 * The runners' own tables, beside the read models:
 * - projection_state: one row per generation of a projection's tables, with its checkpoint
 *   (the fencing token: every page compares and sets it), its position and status;
 * - projection_control: per projection, which runner holds the lease, and rebuild requests.
 */
export const STATE_SCHEMA = `
CREATE TABLE IF NOT EXISTS projection_state (
  name        TEXT NOT NULL,
  generation  INTEGER NOT NULL,
  active      INTEGER NOT NULL,
  checkpoint  TEXT,
  position    BIGINT NOT NULL DEFAULT 0,
  applied     BIGINT NOT NULL DEFAULT 0,
  definition  TEXT NOT NULL,
  status      TEXT NOT NULL,
  error       TEXT,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (name, generation)
);
CREATE TABLE IF NOT EXISTS projection_control (
  name                 TEXT PRIMARY KEY,
  holder               TEXT,
  lease_expires_at     BIGINT NOT NULL DEFAULT 0,
  rebuild_requested_at TEXT
);
`;

export type ProjectionStatus = 'live' | 'catching-up' | 'rebuilding' | 'failed';

export interface GenerationRow {
  readonly name: string;
  readonly generation: number;
  readonly active: boolean;
  readonly checkpoint: Checkpoint | null;
  readonly position: number;
  readonly applied: number;
  readonly status: ProjectionStatus;
  readonly error: string | null;
  readonly updatedAt: string;
  /** What the projection's code looked like when this generation was created (definitionOf). */
  readonly definition: string;
}

interface RawGenerationRow {
  name: string;
  generation: number | string;
  active: number | string;
  checkpoint: string | null;
  position: number | string;
  applied: number | string;
  status: ProjectionStatus;
  error: string | null;
  updated_at: string;
  definition: string;
}

const toGeneration = (row: RawGenerationRow): GenerationRow => ({
  name: row.name,
  generation: numberOf(row.generation),
  active: numberOf(row.active) === 1,
  checkpoint: row.checkpoint,
  position: numberOf(row.position),
  applied: numberOf(row.applied),
  status: row.status,
  error: row.error,
  updatedAt: row.updated_at,
  definition: row.definition,
});

export async function generationsOf(db: SqlExecutor, name: string, forUpdate = false): Promise<GenerationRow[]> {
  const lock = forUpdate && db.dialect === 'postgres' ? ' FOR UPDATE' : '';
  const rows = await db.all<RawGenerationRow>(`SELECT * FROM projection_state WHERE name = $1 ORDER BY generation${lock}`, [name]);
  return rows.map(toGeneration);
}

export async function allGenerations(db: SqlExecutor): Promise<GenerationRow[]> {
  return (await db.all<RawGenerationRow>('SELECT * FROM projection_state ORDER BY name, generation')).map(toGeneration);
}

/**
 * A digest of what a generation's rows mean: the projection's version and its tables' DDL.
 * When the code changes either, the tables written by the old code no longer fit, and the
 * runner rebuilds them (readers keep the old ones until the new ones have caught up).
 */
export function definitionOf(projection: Projection, dialect: Dialect): string {
  const ddl = projection.tables.map((table) => table.ddl(physicalName(table.name, 0), dialect)).join('\n');
  return createHash('sha256').update(`${projection.version ?? 1}\n${ddl}`).digest('hex').slice(0, 16);
}

/** The physical name of a table in a generation: `issues_g3`. */
export const physicalName = (table: string, generation: number) => `${table.replace(/-/g, '_')}_g${generation}`;

/** Creates a generation's tables and its state row (not yet active). */
export async function createGeneration(tx: SqlExecutor, projection: Projection, generation: number, status: ProjectionStatus, now: string): Promise<void> {
  for (const table of projection.tables) {
    const physical = physicalName(table.name, generation);
    await tx.exec(`DROP TABLE IF EXISTS ${physical}`);
    await tx.exec(table.ddl(physical, tx.dialect));
  }
  await tx.run(
    `INSERT INTO projection_state (name, generation, active, checkpoint, position, applied, status, error, updated_at, definition)
     VALUES ($1, $2, 0, NULL, 0, 0, $3, NULL, $4, $5)`,
    [projection.name, generation, status, now, definitionOf(projection, tx.dialect)],
  );
}

/**
 * Makes `generation` the one readers see: its views replace the old ones, and the old
 * generation's tables and row go, all in the caller's transaction.
 */
export async function activateGeneration(tx: SqlExecutor, projection: Projection, generation: number, retired: number | null): Promise<void> {
  for (const table of projection.tables) {
    await tx.exec(`DROP VIEW IF EXISTS ${viewName(table.name)}`);
    await tx.exec(`CREATE VIEW ${viewName(table.name)} AS SELECT * FROM ${physicalName(table.name, generation)}`);
    if (retired !== null) await tx.exec(`DROP TABLE IF EXISTS ${physicalName(table.name, retired)}`);
  }
  if (retired !== null) await tx.run('DELETE FROM projection_state WHERE name = $1 AND generation = $2', [projection.name, retired]);
  await tx.run('UPDATE projection_state SET active = 1 WHERE name = $1 AND generation = $2', [projection.name, generation]);
}

/** Drops a generation that will never be read (a rebuild by code that has since changed). */
export async function dropGeneration(tx: SqlExecutor, projection: Projection, generation: number): Promise<void> {
  for (const table of projection.tables) await tx.exec(`DROP TABLE IF EXISTS ${physicalName(table.name, generation)}`);
  await tx.run('DELETE FROM projection_state WHERE name = $1 AND generation = $2 AND active = 0', [projection.name, generation]);
}

export const viewName = (table: string) => table.replace(/-/g, '_');

// Any fixed number: serialises the creation of these tables between processes starting together.
const STATE_SCHEMA_LOCK = 727_312;

export async function createStateTables(db: ReadModelDb): Promise<void> {
  await db.transaction(async (tx) => {
    if (tx.dialect === 'postgres') await tx.all('SELECT pg_advisory_xact_lock($1)', [STATE_SCHEMA_LOCK]);
    await tx.exec(STATE_SCHEMA);
  });
}
