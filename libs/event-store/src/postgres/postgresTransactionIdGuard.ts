import type { Pool } from 'pg';
import type { PostgresTables } from './postgresSchema';

/**
 * Refused at start-up: the store's events record transaction ids this server has not reached.
 * It happens when the tables were copied row by row (pg_dump and pg_restore, COPY) from another
 * server, whose counter was further on: the ids came with the rows, the counter did not.
 */
export class TransactionIdsAheadError extends Error {
  constructor(
    readonly schema: string,
    readonly highestRecorded: string,
    readonly serverNext: string,
  ) {
    super(
      `The event store in schema "${schema}" records transaction ids up to ${highestRecorded}, but this PostgreSQL server ` +
        `has only reached ${serverNext}: its rows were copied from another server (a pg_dump restored here, or COPY). ` +
        `Started like this, every reader would miss events: readers take only rows of transactions older than the ` +
        `oldest one still running, and new appends would sort before the copied rows. No event has been written. ` +
        `To move a PostgreSQL store to another server, move the whole cluster (pg_basebackup, a promoted streaming replica, ` +
        `pg_upgrade: these keep the transaction counter), never a dump of its tables; a SQLite store moves with ` +
        `\`npm run cli -- migrate\`, which writes every row afresh (see "Moving a store" in the README). ` +
        `For a dump already restored here: with every process on this store stopped, give its rows this server's ids in one ` +
        `transaction, \`UPDATE "${schema}".events SET transaction_id = pg_current_xact_id()\` (each stream keeps its order), ` +
        `then rebuild every projection (\`npm run cli -- rebuild <projection>\`: their checkpoints name the old ids).`,
    );
    this.name = 'TransactionIdsAheadError';
  }
}

/**
 * Refuses a store whose events record transaction ids ahead of the server's counter (see
 * TransactionIdsAheadError). Compares the highest recorded id (from the events' index on
 * transaction_id, no scan) with the next id the server will hand out; asking for the snapshot's
 * xmax rather than pg_current_xact_id() does not spend an id.
 */
export async function refuseTransactionIdsAhead(pool: Pool, tables: PostgresTables): Promise<void> {
  const { rows } = await pool.query<{ highest: string | null; next: string }>(
    `SELECT (SELECT transaction_id FROM ${tables.events} ORDER BY transaction_id DESC LIMIT 1)::text AS highest,
            pg_snapshot_xmax(pg_current_snapshot())::text AS next`,
  );
  const { highest, next } = rows[0];
  if (highest !== null && BigInt(highest) >= BigInt(next)) throw new TransactionIdsAheadError(schemaOf(tables), highest, next);
}

/** The schema's name, out of a qualified table name `"schema".events`. */
const schemaOf = (tables: PostgresTables) => /^"([^"]+)"/.exec(tables.events)?.[1] ?? tables.events;
