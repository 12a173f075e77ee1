import type { NewEvent } from '@app/event-store';

/** Who does the appending: this project's stores, the Emmett peers, and the raw baselines. */
export type AppenderKind = 'ours-sqlite' | 'emmett-sqlite' | 'raw-sqlite' | 'ours-postgres' | 'emmett-postgresql' | 'raw-postgres';

/**
 * One way of appending one event to an issue's stream at the version the caller expects (0:
 * the stream is new), durably: a store under test, or a raw INSERT as the baseline. It throws
 * when the append failed, for whatever reason (a conflict included).
 */
export interface Appender {
  append(streamId: string, expectedVersion: number, event: NewEvent): Promise<void>;
  /** How durable its commits are, as read back from the database where that can be done. */
  readonly durability: string;
  /** Anything else the table must say about the run since the last call (errors the driver threw outside any append). */
  remarks?(): string;
  close(): Promise<void>;
}

export interface AppenderTarget {
  readonly kind: AppenderKind;
  readonly label: string;
  readonly database: 'sqlite' | 'postgres';
  readonly ours: boolean;
}

/** Every appender, in the table's order: per database, ours, the peer, then the raw baseline. */
export const APPENDER_TARGETS: readonly AppenderTarget[] = [
  { kind: 'ours-sqlite', label: 'SQLite: this project (SqliteEventStore)', database: 'sqlite', ours: true },
  { kind: 'emmett-sqlite', label: 'SQLite: Emmett 0.38.5 (emmett-sqlite)', database: 'sqlite', ours: false },
  { kind: 'raw-sqlite', label: 'SQLite: raw prepared INSERT, autocommit', database: 'sqlite', ours: false },
  { kind: 'ours-postgres', label: 'PostgreSQL: this project (PostgresEventStore)', database: 'postgres', ours: true },
  { kind: 'emmett-postgresql', label: 'PostgreSQL: Emmett 0.42.0 (emmett-postgresql)', database: 'postgres', ours: false },
  { kind: 'raw-postgres', label: 'PostgreSQL: raw prepared INSERT, pool of 16', database: 'postgres', ours: false },
];

/** The baseline each appender is compared with: the raw INSERT on the same database. */
export const baselineOf = (target: AppenderTarget): AppenderKind => (target.database === 'sqlite' ? 'raw-sqlite' : 'raw-postgres');
