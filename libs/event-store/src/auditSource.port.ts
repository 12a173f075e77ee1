import type { Checkpoint, GlobalEvent, StoredEvent } from './eventStore.port';

/** A stream's head row: its version, last hash and recordedAt, and the seal over them. */
export interface StreamHeadRecord {
  readonly streamId: string;
  readonly version: number;
  readonly lastHash: string | null;
  readonly lastRecordedAt: string | null;
  readonly seal: string | null;
}

/** A unique key (e.g. an issue's reference) and whether its stream still has a head row or events. */
export interface UniqueKeyRecord {
  readonly key: string;
  readonly streamId: string;
  readonly streamExists: boolean;
}

export interface SequenceRecord {
  readonly name: string;
  readonly value: number;
}

/**
 * Raw reads for the auditors' verifier: what the EventStore port hides (head rows with their
 * seals, unique keys, sequences) and the whole store up to a checkpoint. Every read pages, so
 * verifying a store of any size holds one page in memory at a time.
 */
export interface AuditSource {
  /** Head rows whose stream id sorts after `after`, in id order. */
  readStreamHeads(options: { readonly after: string | null; readonly limit: number }): Promise<StreamHeadRecord[]>;
  /** Ids of streams that have events but no head row, sorting after `after`, in id order. */
  readHeadlessStreams(options: { readonly after: string | null; readonly limit: number }): Promise<string[]>;
  /** The events of these streams, by stream then version. */
  readStreams(streamIds: readonly string[]): Promise<StoredEvent[]>;
  /** Unique keys of a scope whose key sorts after `after`, in key order. */
  readUniqueKeys(options: { readonly scope: string; readonly after: string | null; readonly limit: number }): Promise<UniqueKeyRecord[]>;
  /** Every named sequence whose name starts with the prefix. */
  readSequences(prefix: string): Promise<SequenceRecord[]>;
  /**
   * Events after `after` (from the very start when null: even rows slipped in before the first
   * position) up to and including `upTo`, in the store's commit-safe order (readAll's).
   */
  readAllUpTo(options: { readonly after: Checkpoint | null; readonly upTo: Checkpoint; readonly limit: number }): Promise<GlobalEvent[]>;
}

/** A store that offers the auditors' raw reads. */
export interface AuditSourceProvider {
  auditSource(): AuditSource;
}
