import type { Checkpoint, GlobalEvent } from '@app/event-store';
import type { CompanionCopied, CompanionRows, MigrationSource } from './migrationTarget';

/** How far a copy into EventStoreDB has got, as its companion records it (table migration_eventstoredb_progress). */
export interface EventStoreDbMigrationProgress {
  readonly source: string;
  readonly firstEventId: string | null;
  /** The source checkpoint after the last page recorded. */
  readonly sourceCheckpoint: Checkpoint | null;
  /** The target's $all checkpoint after that page: events beyond it are a crashed page's, or written since. */
  readonly targetCheckpoint: Checkpoint | null;
  readonly eventsCopied: number;
}

/** One page's record in the companion, written in one transaction once its events are in EventStoreDB. */
export interface PageRecord {
  /** Each stream's last event of the page: where its head row stands now (unsealed; the source's seals come later). */
  readonly heads: readonly GlobalEvent[];
  readonly erasedSubjects: readonly string[];
  readonly sourceCheckpoint: Checkpoint;
  readonly targetCheckpoint: Checkpoint | null;
  /** The page's events, now in the target (some perhaps written by a run that stopped before recording the page). */
  readonly written: number;
}

/**
 * The EventStoreDB target's companion (the SQL store the API pairs with EventStoreDB): what the
 * store keeps beside the events, and the migration's own bookkeeping (tables migration_eventstoredb_*).
 * One implementation per kind of companion: PostgreSQL (DATABASE_URL) or the SQLite file DATA_DIR/companion.db.
 */
export interface CompanionBook {
  readonly description: string;
  /** Creates the store's tables and the migration's, if missing; refuses when another run holds the companion. */
  prepare(): Promise<void>;
  readProgress(): Promise<EventStoreDbMigrationProgress | undefined>;
  /** Names the source being copied (a new migration, or one that has copied nothing yet). */
  startProgress(source: MigrationSource): Promise<void>;
  startRun(source: MigrationSource): Promise<void>;
  recordPage(page: PageRecord): Promise<void>;
  copyCompanion(rows: CompanionRows): Promise<CompanionCopied>;
  finish(): Promise<void>;
  close(): Promise<void>;
}

/** Each stream's last event in the page: where its head row stands after the page. */
export function lastOfEachStream(page: readonly GlobalEvent[]): GlobalEvent[] {
  const last = new Map<string, GlobalEvent>();
  for (const event of page) {
    const seen = last.get(event.streamId);
    if (!seen || seen.version < event.version) last.set(event.streamId, event);
  }
  return [...last.values()];
}
