import {
  type AppendResult as ClientAppendResult,
  type KurrentDBClient,
  WrongExpectedVersionError as ClientWrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { headAfter, planAppend, type PlannedEvent, type StreamHead } from '../appendPlan';
import type { Clock } from '../clock';
import type { CompanionWrites } from '../companionWrites.port';
import { WrongExpectedVersionError } from '../errors';
import type { AppendedEvent, AppendOptions, AppendResult, ExpectedVersion, NewEvent } from '../eventStore.port';
import { isTransient, toAppendError } from './eventStoreDbErrors';
import { assertWritable, streamNameOf, toEventData } from './eventStoreDbEvents';
import type { EventStoreDbReader } from './eventStoreDbReader';
import { streamStateFor, versionOfRevision } from './eventStoreDbRevisions';
import { StreamQueue } from './streamQueue';
import { withDeadline } from './withDeadline';

/** Sends of one append (the first and one resend after a failure the server may not have seen). */
const WRITE_ATTEMPTS = 2;
/** Plans of an append at 'any' version that another process keeps beating to the stream. */
const ANY_ATTEMPTS = 10;

/**
 * The events are in EventStoreDB, but what the companion keeps beside them could not all be
 * recorded. Loud on purpose: the caller must not take the append for failed (its events are
 * in) nor for whole (see the message for what is missing and how it is found).
 */
export class CompanionBehindError extends Error {
  constructor(
    readonly streamId: string,
    readonly versions: readonly [number, number] | null,
    what: string,
    cause?: unknown,
  ) {
    const appended = versions ? `versions ${versions[0]} to ${versions[1]} of ${streamId} were appended to EventStoreDB` : `the append to ${streamId} was accepted`;
    super(`${appended}, but ${what}`, { cause });
    this.name = 'CompanionBehindError';
  }
}

export interface EventStoreDbAppenderOptions {
  readonly client: KurrentDBClient;
  readonly reader: EventStoreDbReader;
  readonly writes: CompanionWrites;
  readonly clock: Clock;
  readonly prefix: string;
  readonly timeoutMs: number;
  readonly headSealKey: Buffer | undefined;
  /** Called after every append that wrote events (wakes this process's subscriptions). */
  readonly onAppended: () => void;
}

/**
 * One append, in the order that never drops a guarantee silently:
 * 1. plan on the stream's head, read from its last event (a stale expected version fails here);
 * 2. reserve in the companion: the idempotency claim confirmed (and its lease renewed), the
 *    unique keys taken (a lost claim or a taken key fails here, nothing written anywhere);
 * 3. write to EventStoreDB at the exact revision planned on (the server refuses it if another
 *    append got in first), resent once, unchanged, if the server did not answer, and read back
 *    from the leader to make sure the events there are the ones planned;
 *    when it fails, the keys taken in 2 are given back;
 * 4. record in the companion, in one transaction: the idempotency outcome, the erasure (personal
 *    keys destroyed), the sealed head row.
 * Appends to one stream queue up in this process, so that none is planned on a head another is
 * about to move.
 */
export class EventStoreDbAppender {
  private readonly queue = new StreamQueue();

  constructor(private readonly options: EventStoreDbAppenderOptions) {}

  append(streamId: string, events: readonly NewEvent[], expectedVersion: ExpectedVersion, options: AppendOptions): Promise<AppendResult> {
    try {
      assertWritable(streamId, events);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.queue.run(streamId, () => this.appendInTurn(streamId, events, expectedVersion, options));
  }

  /** Resolves once every append queued so far has finished. */
  drained(): Promise<void> {
    return this.queue.drained();
  }

  private async appendInTurn(streamId: string, events: readonly NewEvent[], expectedVersion: ExpectedVersion, options: AppendOptions): Promise<AppendResult> {
    const { reader, writes, clock } = this.options;
    let head = await reader.head(streamId);
    const now = clock.now();
    let planned = planAppend(streamId, head, events, expectedVersion, now);
    const taken = await writes.reserve(streamId, options, now);
    let appended: AppendedEvent[] = [];
    try {
      for (let attempt = 1; planned.length > 0; attempt++) {
        try {
          appended = await this.write(streamId, head, planned, expectedVersion);
          break;
        } catch (error) {
          if (!(error instanceof WrongExpectedVersionError) || expectedVersion !== 'any' || attempt >= ANY_ATTEMPTS) throw error;
          // At 'any' version, another process appended first: plan again on the head it left.
          head = await reader.head(streamId);
          planned = planAppend(streamId, head, events, 'any', clock.now());
        }
      }
    } catch (error) {
      // Best effort: a key left taken names a stream with no events, which verify reports.
      await writes.releaseKeys(streamId, taken).catch(() => undefined);
      throw error;
    }
    await this.recordBeside(streamId, planned, options);
    if (planned.length > 0) this.options.onAppended();
    return { nextVersion: planned.at(-1)?.version ?? head.version, events: appended };
  }

  /**
   * Writes the planned events at the revision they were planned on, resending once, unchanged,
   * when the server did not answer; answers them as stored, with their positions.
   */
  private async write(streamId: string, head: StreamHead, planned: readonly PlannedEvent[], expected: ExpectedVersion): Promise<AppendedEvent[]> {
    const { client, prefix, timeoutMs } = this.options;
    const data = planned.map(toEventData);
    const streamState = streamStateFor(head.version);
    for (let attempt = 1; ; attempt++) {
      let written: ClientAppendResult;
      try {
        written = await withDeadline(
          client.appendToStream(streamNameOf(prefix, streamId), data, { streamState, deadline: timeoutMs, requiresLeader: true }),
          timeoutMs,
          `the append to ${streamId}`,
        );
      } catch (error) {
        if (isTransient(error) && attempt < WRITE_ATTEMPTS) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          continue;
        }
        // A resend refused as a conflict: the first send may have been written after all.
        if (attempt > 1 && error instanceof ClientWrongExpectedVersionError) {
          const stored = await this.storedAsPlanned(streamId, planned);
          if (stored) return stored;
        }
        throw toAppendError(error, streamId, expected);
      }
      const stored = await this.storedAsPlanned(streamId, planned);
      if (stored) return stored;
      throw new WrongExpectedVersionError(streamId, expected, versionOfRevision(written.nextExpectedRevision));
    }
  }

  /**
   * The events at the planned versions, read back from the leader, if they are the ones planned
   * (ids and hashes); else undefined. A success is always read back: the server answers success
   * without writing when it finds these event ids at these revisions already (its deduplication
   * of a resend), and then they may be another process's events with the same ids (a
   * deterministic id, planned by both on the same head at another instant): for this caller that
   * is a conflict. The read also gives each event its position, which the append's answer lacks.
   */
  private async storedAsPlanned(streamId: string, planned: readonly PlannedEvent[]): Promise<AppendedEvent[] | undefined> {
    const stored = await this.options.reader.readStream(streamId, planned[0].version, planned.length, true);
    const same = stored.length === planned.length && stored.every((event, i) => event.id === planned[i].id && event.hash === planned[i].hash);
    return same ? planned.map((event, i) => ({ ...event, globalPosition: stored[i].globalPosition })) : undefined;
  }

  private async recordBeside(streamId: string, planned: readonly PlannedEvent[], options: AppendOptions): Promise<void> {
    if (planned.length === 0 && !options.idempotency && !options.shredSubjects?.length) return;
    const versions = planned.length > 0 ? ([planned[0].version, planned.at(-1)!.version] as const) : null;
    const head = headAfter(streamId, planned, this.options.headSealKey);
    let completed: boolean;
    try {
      completed = await this.options.writes.recordBesideAppend(streamId, head, options, this.options.clock.now());
    } catch (error) {
      const missing = [
        'the companion could not record beside them: the head row is behind until the stream\'s next append (verify reports "events beyond the head row")',
        options.idempotency && 'the idempotency key stays pending (a retry after its lease runs the command again)',
        options.shredSubjects?.length && `the personal-data keys of ${options.shredSubjects.join(', ')} were NOT destroyed: run the erasure again`,
      ].filter(Boolean);
      throw new CompanionBehindError(streamId, versions, `${missing.join('; ')} (${error instanceof Error ? error.message : String(error)})`, error);
    }
    if (!completed) {
      throw new CompanionBehindError(
        streamId,
        versions,
        'the idempotency claim was taken over by a retry while the append was in flight (it outlasted the lease): that retry may run the command again',
      );
    }
  }
}
