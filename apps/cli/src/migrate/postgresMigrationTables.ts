/**
 * The migration's own bookkeeping in a PostgreSQL target, beside the store's tables.
 * `migration_progress` has one row: which source is being copied and the source checkpoint the
 * copy has reached, updated in the same transaction as each page of events. `migration_runs`
 * keeps one row per run, for whoever later asks how the store got here.
 */
export const postgresMigrationTables = (schema: string) => `
CREATE TABLE IF NOT EXISTS "${schema}".migration_progress (
  singleton             boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  source                text NOT NULL,
  source_first_event_id text,
  source_checkpoint     text,
  events_copied         bigint NOT NULL DEFAULT 0,
  started_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  finished_at           timestamptz
);
CREATE TABLE IF NOT EXISTS "${schema}".migration_runs (
  run_id        bigserial PRIMARY KEY,
  source        text NOT NULL,
  started_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz,
  events_before bigint NOT NULL,
  events_after  bigint
);
`;

export const migrationTablesOf = (schema: string) => ({
  progress: `"${schema}".migration_progress`,
  runs: `"${schema}".migration_runs`,
});
