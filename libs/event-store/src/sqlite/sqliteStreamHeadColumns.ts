import type Database from 'better-sqlite3';

/** Columns the `streams` head row gained after the first files were written: name and type. */
const HEAD_COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['last_recorded_at', 'TEXT'],
  ['seal', 'TEXT'],
];

/**
 * Adds the head row's newer columns (see SQLITE_SCHEMA) to a file created before them. SQLite
 * has no `ADD COLUMN IF NOT EXISTS`, so the table's columns are looked up first: idempotent.
 */
export function addStreamHeadColumns(db: Database.Database): void {
  const present = new Set(db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('streams')").all().map((row) => row.name));
  for (const [name, type] of HEAD_COLUMNS) {
    if (!present.has(name)) db.exec(`ALTER TABLE streams ADD COLUMN ${name} ${type}`);
  }
}
