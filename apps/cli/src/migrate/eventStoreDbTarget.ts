import { join } from 'node:path';
import { Pool } from 'pg';
import { KurrentDBClient, WrongExpectedVersionError as ClientWrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import type { Checkpoint, GlobalEvent } from '@app/event-store';
import { isTransient, toAppendError } from '@app/event-store/eventstoredb/eventStoreDbErrors';
import { isCopied, streamNameOf, toCopiedEventData } from '@app/event-store/eventstoredb/eventStoreDbEvents';
import { EventStoreDbReader } from '@app/event-store/eventstoredb/eventStoreDbReader';
import { streamStateFor } from '@app/event-store/eventstoredb/eventStoreDbRevisions';
import { withDeadline } from '@app/event-store/eventstoredb/withDeadline';
import { loadSettings } from '../../../api/src/config/settings';
import { type CompanionBook, lastOfEachStream } from './eventStoreDbCompanionBook';
import { MigrationRefusedError } from './migrationRefusedError';
import type { CompanionCopied, CompanionRows, MigrationProgress, MigrationSource, MigrationTarget, MigrationTargetFactory } from './migrationTarget';
import { PostgresCompanionBook } from './postgresCompanionBook';
import { SqliteCompanionBook } from './sqliteCompanionBook';

/** Records read at a time when looking for events the migration did not write. */
const SCAN_PAGE = 1000;
const WRITE_ATTEMPTS = 2;

/**
 * Copies into the EventStoreDB server EVENTSTORE_URL names, with the companion the API would
 * pair it with (PostgreSQL when DATABASE_URL is set, else DATA_DIR/companion.db). EventStoreDB
 * has no transaction to share with the bookkeeping, so the copy is idempotent instead: each
 * stream's run of events in a page is appended at the exact revision it must follow, with the
 * source's event ids, so an append a crashed run already made is refused (or deduplicated) by
 * the server and then checked, event by event (id and hash), to be exactly the source's; only
 * after a page's events are in does the companion record, in one transaction, its head rows,
 * its erasures and the progress. A rerun therefore starts again at the page after the last
 * recorded one, and writes nothing twice.
 */
export class EventStoreDbMigrationTarget implements MigrationTarget {
  readonly description: string;

  constructor(
    private readonly client: KurrentDBClient,
    private readonly reader: EventStoreDbReader,
    private readonly book: CompanionBook,
    server: string,
    private readonly timeoutMs: number,
    /** The stream prefix the store will be opened with (the API's: none); the reader must have the same. */
    private readonly prefix = '',
  ) {
    this.description = `eventstoredb ${server} (${book.description})`;
  }

  async open(source: MigrationSource): Promise<MigrationProgress> {
    await this.book.prepare();
    let progress = await this.book.readProgress();
    if (!progress) {
      if ((await this.reader.headCheckpoint()) !== null) {
        throw new MigrationRefusedError(
          `${this.description} already holds events that no migration wrote: migrate into an empty EventStoreDB server (and an empty companion)`,
        );
      }
      await this.book.startProgress(source);
    } else if (progress.firstEventId !== source.firstEventId) {
      if (progress.eventsCopied > 0) {
        throw new MigrationRefusedError(
          `${this.description} holds a migration of another history (${progress.source}, first event ${progress.firstEventId}), not of ${source.description} ` +
            `(first event ${source.firstEventId ?? 'none'}): migrate into an empty EventStoreDB server`,
        );
      }
      await this.book.startProgress(source);
    }
    progress = (await this.book.readProgress())!;
    const foreign = await this.firstEventNotCopiedAfter(progress.targetCheckpoint);
    if (foreign) {
      throw new MigrationRefusedError(
        `${this.description} has been written to since this migration last copied (event ${foreign.id} in stream ${foreign.streamId} was not copied by it: ` +
          'the API or another process ran on it), so it can no longer be topped up. Migrate into an empty EventStoreDB server',
      );
    }
    await this.book.startRun(source);
    return { sourceCheckpoint: progress.sourceCheckpoint, eventsCopied: progress.eventsCopied };
  }

  async progress(): Promise<MigrationProgress> {
    const progress = await this.book.readProgress();
    return { sourceCheckpoint: progress?.sourceCheckpoint ?? null, eventsCopied: progress?.eventsCopied ?? 0 };
  }

  /**
   * The page's events in its order, one append per run of one stream's events; then the
   * companion's record of the page. Answers the page's size: every event of it is now in the
   * target, written by this run or by a run that stopped before recording the page (which
   * therefore never counted it).
   */
  async copy(page: readonly GlobalEvent[], sourceCheckpoint: Checkpoint, erasedSubjects: readonly string[]): Promise<number> {
    for (const run of runsOf(page)) await this.copyRun(run);
    const targetCheckpoint = page.length > 0 ? await this.reader.headCheckpoint() : null;
    await this.book.recordPage({ heads: lastOfEachStream(page), erasedSubjects, sourceCheckpoint, targetCheckpoint, written: page.length });
    return page.length;
  }

  copyCompanion(rows: CompanionRows): Promise<CompanionCopied> {
    return this.book.copyCompanion(rows);
  }

  finish(): Promise<void> {
    return this.book.finish();
  }

  async close(): Promise<void> {
    await this.book.close();
    await withDeadline(this.client.dispose(), this.timeoutMs, 'the close of the connection').catch(() => undefined);
  }

  /**
   * Appends one stream's consecutive events at the revision the first must follow; when they are
   * there already (a rerun), checks that they are the source's, event by event.
   */
  private async copyRun(run: readonly GlobalEvent[]): Promise<void> {
    const [first, last] = [run[0], run[run.length - 1]];
    const events = run.map(toCopiedEventData);
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await withDeadline(
          this.client.appendToStream(streamNameOf(this.prefix, first.streamId), events, {
            streamState: streamStateFor(first.version - 1),
            deadline: this.timeoutMs,
            requiresLeader: true,
          }),
          this.timeoutMs,
          `the copy of ${first.streamId}`,
        );
        // No position: the server found these event ids there already and wrote nothing.
        if (result.position) return;
        break;
      } catch (error) {
        if (isTransient(error) && attempt < WRITE_ATTEMPTS) continue;
        if (error instanceof ClientWrongExpectedVersionError) break;
        throw toAppendError(error, first.streamId, first.version - 1);
      }
    }
    const stored = await this.reader.readStream(first.streamId, first.version, run.length);
    if (stored.length === run.length && stored.every((event, i) => event.id === run[i].id && event.hash === run[i].hash)) return;
    throw new MigrationRefusedError(
      `stream ${first.streamId} in ${this.description} does not hold the source's events at versions ${first.version} to ${last.version} ` +
        `(it holds ${stored.length ? stored.map((e) => `${e.version}:${e.id}`).join(', ') : 'none of them'}, after another run or another writer): migrate into an empty EventStoreDB server`,
    );
  }

  /** The first application event after the checkpoint that this migration did not write (null: none). */
  private async firstEventNotCopiedAfter(after: Checkpoint | null): Promise<{ id: string; streamId: string } | null> {
    for (let checkpoint = after; ; ) {
      const records = await this.reader.readRecordsAfter(checkpoint, SCAN_PAGE);
      const foreign = records.find((record) => !isCopied(record));
      if (foreign) return { id: foreign.id, streamId: foreign.streamId };
      if (records.length < SCAN_PAGE) return null;
      const lastPosition = records[records.length - 1].position;
      checkpoint = `${lastPosition.commit}/${lastPosition.prepare}`;
    }
  }
}

/** The page cut into runs of consecutive events of one stream, in the page's order. */
export function runsOf(page: readonly GlobalEvent[]): GlobalEvent[][] {
  const runs: GlobalEvent[][] = [];
  for (const event of page) {
    const run = runs.at(-1);
    const previous = run?.at(-1);
    if (run && previous && previous.streamId === event.streamId && previous.version + 1 === event.version) run.push(event);
    else runs.push([event]);
  }
  return runs;
}

/** A connection string fit for messages: the password left out. */
export const withoutPassword = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

/** The target EVENTSTORE_URL names, with the companion DATABASE_URL (and DATABASE_SCHEMA) or DATA_DIR/companion.db names (the API's settings). */
export const openEventStoreDbTarget: MigrationTargetFactory = async (env) => {
  const settings = loadSettings(env);
  if (!settings.eventstoreUrl) {
    throw new MigrationRefusedError('--to eventstoredb needs EVENTSTORE_URL naming the target server (and DATABASE_URL for a PostgreSQL companion, else DATA_DIR/companion.db)');
  }
  let client: KurrentDBClient;
  try {
    client = KurrentDBClient.connectionString(settings.eventstoreUrl);
  } catch (error) {
    throw new MigrationRefusedError(`EVENTSTORE_URL is not a connection string the client accepts (${(error as Error).message}): use e.g. kurrentdb://admin:changeit@localhost:2113?tls=false`);
  }
  const reader = new EventStoreDbReader(client, '', settings.eventstoreTimeoutMs);
  let book: CompanionBook;
  if (settings.databaseUrl) {
    // Two connections: one holds the run's lock and writes, the other reads alongside.
    const pool = new Pool({ connectionString: settings.databaseUrl, max: 2 });
    pool.on('error', () => undefined); // an idle client dropped by the server; the next query says so
    book = new PostgresCompanionBook(pool, settings.databaseSchema);
  } else {
    book = new SqliteCompanionBook(join(settings.dataDir, 'companion.db'));
  }
  return new EventStoreDbMigrationTarget(client, reader, book, withoutPassword(settings.eventstoreUrl), settings.eventstoreTimeoutMs);
};
