/**
 * What `npm run cli -- migrate` copies into, one implementation per kind of target store
 * (postgresTarget.ts; eventStoreDbTarget.ts). The command reads the source in its commit-safe
 * order (AuditSource.readAllUpTo) a page at a time and hands each page here with the source
 * checkpoint after it; the target keeps that checkpoint in its own `migration_*` tables, in the
 * same transaction as the page where it has transactions, so a run killed at any instant resumes
 * where the target says it got to, never copying an event twice nor skipping one.
 *
 * Everything is copied as the source holds it: event ids, versions, hashes, prevHash, recordedAt
 * and data are never recomputed (the hash chain and the head seals must still hold), and global
 * positions may differ (they are the target's own), but the order is the source's.
 */
import type { Checkpoint, GlobalEvent, SequenceRecord, StreamHeadRecord } from '@app/event-store';

/** Which source this migration copies from: a rerun against another source is refused. */
export interface MigrationSource {
  /** For the messages and the bookkeeping, e.g. "sqlite /data/events.db". */
  readonly description: string;
  /** The id of the source's first event (null: the source is empty): names the history being copied. */
  readonly firstEventId: string | null;
}

/** How far the copy has got, as the target recorded it. */
export interface MigrationProgress {
  /** The source checkpoint after the last event copied; null: none copied yet. */
  readonly sourceCheckpoint: Checkpoint | null;
  /** Events this migration has written into the target so far (over all its runs). */
  readonly eventsCopied: number;
}

/** A unique key (an issue's reference) and the stream it names for good. */
export interface MigratedUniqueKey {
  readonly scope: string;
  readonly key: string;
  readonly streamId: string;
}

/**
 * A resident's personal-data key (a row of personal_data_keys). Without it the resident's sealed
 * personal data in the events can never be read again: it must be copied, byte for byte.
 */
export interface MigratedPersonalKey {
  readonly subjectId: string;
  readonly lookup: string | null;
  readonly key: Buffer;
  /** ISO 8601. */
  readonly createdAt: string;
}

/**
 * An idempotency record, so that a client retrying a request across the move still gets its
 * first answer instead of running the command twice. Times are ISO 8601; the response columns
 * are copied as stored (the outcome is opaque JSON to the store).
 */
export interface MigratedIdempotencyRecord {
  readonly scope: string;
  readonly key: string;
  readonly requestHash: string;
  readonly claimToken: string;
  readonly claimedAt: string;
  readonly responseStatus: number | null;
  readonly responseBody: unknown;
  readonly completedAt: string | null;
}

/**
 * What the store keeps beside the events, a page at a time. Each kind is written as an upsert
 * to the source's value, so copying the same rows again changes nothing.
 */
export interface CompanionRows {
  readonly uniqueKeys?: readonly MigratedUniqueKey[];
  /** Named sequences (issue references among them): the target must never hand a number out again. */
  readonly sequences?: readonly SequenceRecord[];
  readonly personalKeys?: readonly MigratedPersonalKey[];
  /** The source's head rows, with their seals (HMAC over id, version and last hash: still valid, since those are copied). */
  readonly streamHeads?: readonly StreamHeadRecord[];
  readonly idempotencyRecords?: readonly MigratedIdempotencyRecord[];
}

/** Rows a companion copy wrote anew or changed, per kind (0 everywhere when run again). */
export interface CompanionCopied {
  readonly uniqueKeys: number;
  readonly sequences: number;
  readonly personalKeys: number;
  readonly streamHeads: number;
  readonly idempotencyRecords: number;
}

/** A store the migration copies into. Used by one migration run at a time. */
export interface MigrationTarget {
  /** For messages, e.g. `postgres schema "public"`. */
  readonly description: string;
  /**
   * Creates the store's tables and the migration's own (`migration_*`) if missing, and answers
   * the progress so far. Refuses (throws MigrationRefusedError, migrationRefusedError.ts,
   * saying why and what to do) a target that holds events this migration did not write, or
   * whose migration copied another source.
   */
  open(source: MigrationSource): Promise<MigrationProgress>;
  /** The progress as recorded now. */
  progress(): Promise<MigrationProgress>;
  /**
   * Writes one page of the source's events, in the page's order, each with its id, stream,
   * version, type, data, metadata, recordedAt, prevHash and hash unchanged, keeps each stream's
   * head (version, last hash, recordedAt) in step (the head's seal is left empty here; the
   * source's seals come with the companion rows), destroys the personal-data keys of
   * `erasedSubjects` (the subjects of the page's erasures, for a target topped up after the
   * source erased a resident whose key an earlier run copied), and records `sourceCheckpoint`
   * as the progress: all of it in one transaction where the target has them. Answers how many
   * events it wrote.
   */
  copy(page: readonly GlobalEvent[], sourceCheckpoint: Checkpoint, erasedSubjects: readonly string[]): Promise<number>;
  /** Copies companion rows (after the events, so head rows end as the source's, seals included). */
  copyCompanion(rows: CompanionRows): Promise<CompanionCopied>;
  /** Records that the copy finished (for the bookkeeping; a later run still checks and tops up). */
  finish(): Promise<void>;
  close(): Promise<void>;
}

/**
 * How the migrate command makes a target from the environment (the API's settings: DATABASE_URL
 * and DATABASE_SCHEMA; EVENTSTORE_URL). Each target file exports one under a fixed name:
 * postgresTarget.ts `openPostgresTarget`, eventStoreDbTarget.ts `openEventStoreDbTarget`.
 */
export type MigrationTargetFactory = (env: NodeJS.ProcessEnv) => Promise<MigrationTarget>;
