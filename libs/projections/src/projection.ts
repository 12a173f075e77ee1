import type { GlobalEvent } from '@app/event-store';
import type { Dialect, SqlExecutor } from './db/readModelDb';

/** One of a projection's tables: created afresh for every generation (see ProjectionRunner). */
export interface TableSpec {
  /** The name readers use: a view of the active generation's table. */
  readonly name: string;
  /** CREATE TABLE (and its indexes) under the generation's physical name. */
  ddl(physical: string, dialect: Dialect): string;
}

/** What a projection's handler writes through: the open transaction, and its tables' names. */
export interface ProjectionTransaction extends SqlExecutor {
  /** The physical name of one of the projection's tables in the generation being written. */
  table(name: string): string;
}

/**
 * A read model kept from the event stream. The runner hands `apply` a whole page of the events
 * it handles, in store order, inside the transaction that also moves its checkpoint: the rows
 * and the checkpoint are kept together or not at all, so no event is lost or counted twice.
 */
export interface Projection {
  readonly name: string;
  /**
   * Raise it when `apply` changes what it writes: the runner then rebuilds the projection from
   * the start (as it does by itself when the tables' DDL changes). Default 1.
   */
  readonly version?: number;
  /** Event types it handles; other events only move its checkpoint. */
  readonly handles: readonly string[];
  readonly tables: readonly TableSpec[];
  apply(events: readonly GlobalEvent[], tx: ProjectionTransaction): Promise<void>;
}

export const PROJECTION_NAME = /^[a-z][a-z0-9-]{0,40}$/;
