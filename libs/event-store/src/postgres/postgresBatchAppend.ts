import type { Pool } from 'pg';
import { headAfter, planAppend, type PlannedEvent, type StreamHead } from '../appendPlan';
import type { Clock } from '../clock';
import { DuplicateKeyError, IdempotencyClaimLostError, WrongExpectedVersionError } from '../errors';
import type { AppendOutcome, AppendRequest } from '../groupCommit';
import type { HeadCache } from '../headCache';
import type { PostgresAppendNotifier } from './postgresAppendNotifier';
import type { PostgresTables } from './postgresSchema';

/** What append_batch answers for one item (see postgresAppendFunction.ts). */
type ItemAnswer =
  | { r: 'ok'; p: Array<number | string> }
  | { r: 'stale'; v: number; h: string | null; t: string | null }
  | { r: 'key'; scope: string; key: string }
  | { r: 'lost' }
  | { r: 'unique'; c: string | null; m: string };

interface Planned {
  readonly index: number;
  readonly request: AppendRequest;
  readonly events: PlannedEvent[];
  readonly item: unknown;
  readonly head: StreamHead;
}

/** A stream's head can move under a plan this many times before the append gives up. */
const PLANS = 5;

/**
 * The PostgreSQL side of group commit: plans each append of a batch on the head it believes
 * current (HeadCache, or one read for the batch where it has none it can use), sends them all to
 * append_batch in one statement (one round trip, one transaction, one WAL flush), and plans again
 * the appends whose head had moved.
 */
export class PostgresBatchAppend {
  constructor(
    private readonly pool: Pool,
    private readonly table: PostgresTables,
    private readonly clock: Clock,
    private readonly heads: HeadCache,
    private readonly headSealKey: Buffer | undefined,
    private readonly notifier: PostgresAppendNotifier,
  ) {}

  readonly commit = async (batch: readonly AppendRequest[]): Promise<AppendOutcome[]> => {
    const outcomes: AppendOutcome[] = new Array(batch.length);
    let waiting = batch.map((request, index) => ({ request, index }));
    for (let round = 0; round < PLANS && waiting.length > 0; round++) {
      try {
        await this.readHeadsPlansCannotTrust(waiting.map(({ request }) => request));
      } catch (error) {
        for (const { index } of waiting) outcomes[index] = { ok: false, error };
        waiting = [];
        break;
      }
      const planned: Planned[] = [];
      for (const { request, index } of waiting) {
        try {
          const plan = this.plan(request, index);
          if (plan.events.length === 0) outcomes[index] = { ok: true, result: { nextVersion: plan.head.version, events: [] } };
          else planned.push(plan);
        } catch (error) {
          outcomes[index] = { ok: false, error };
        }
      }
      waiting = [];
      if (planned.length === 0) break;
      let answers: ItemAnswer[];
      try {
        answers = await this.send(planned.map((plan) => plan.item));
      } catch (error) {
        // Only this round's appends failed: those of an earlier round have committed.
        for (const plan of planned) outcomes[plan.index] = { ok: false, error };
        break;
      }
      planned.forEach((plan, position) => {
        const answer = answers[position];
        if (answer.r === 'stale') {
          this.heads.set(plan.request.streamId, { version: answer.v, lastHash: answer.h, lastRecordedAt: answer.t });
          waiting.push({ request: plan.request, index: plan.index });
        } else {
          outcomes[plan.index] = this.outcomeOf(plan, answer);
        }
      });
    }
    for (const { request, index } of waiting) {
      outcomes[index] = { ok: false, error: new Error(`stream ${request.streamId} kept moving under ${PLANS} plans of this append; retry`) };
    }
    if (outcomes.some((outcome) => outcome.ok && outcome.result.events.length > 0)) this.notifier.committed();
    return outcomes;
  };

  /** The heads, read in one query, of streams whose cached head cannot plan the append. */
  private async readHeadsPlansCannotTrust(requests: readonly AppendRequest[]): Promise<void> {
    const unknown = requests.filter((request) => !this.usableHead(request)).map((request) => request.streamId);
    if (unknown.length === 0) return;
    const { rows } = await this.pool.query<{ stream_id: string; version: number; last_hash: string | null; last_recorded_at: string | null }>(
      `SELECT stream_id, version, last_hash, last_recorded_at FROM ${this.table.streams} WHERE stream_id = ANY($1::text[])`,
      [unknown],
    );
    const found = new Map(rows.map((row) => [row.stream_id, row]));
    for (const streamId of unknown) {
      const row = found.get(streamId);
      this.heads.set(streamId, row ? { version: row.version, lastHash: row.last_hash, lastRecordedAt: row.last_recorded_at } : NEW_STREAM);
    }
  }

  /** The cached head if an append can be planned on it: one at the expected version, or a new stream's. */
  private usableHead(request: AppendRequest): StreamHead | undefined {
    const cached = this.heads.get(request.streamId);
    if (request.expectedVersion === 'any') return cached;
    if (cached?.version === request.expectedVersion) return cached;
    // Heads only move forward: a cached head past the expected version is a conflict already.
    if (cached && cached.version > request.expectedVersion) return cached;
    return cached === undefined && request.expectedVersion === 0 ? NEW_STREAM : undefined;
  }

  private plan(request: AppendRequest, index: number): Planned {
    const head = this.usableHead(request) ?? this.heads.get(request.streamId) ?? NEW_STREAM;
    const { streamId, options } = request;
    const events = planAppend(streamId, head, request.events, request.expectedVersion, this.clock.now());
    const sealed = headAfter(streamId, events, this.headSealKey);
    const completion = options.idempotency;
    const item = {
      s: streamId,
      v: head.version,
      h: head.lastHash,
      e: events.map(({ id, version, type, data, metadata, recordedAt, prevHash, hash }) => ({ id, version, type, data, metadata, recordedAt, prevHash, hash })),
      k: options.uniqueKeys ?? [],
      x: options.shredSubjects ?? [],
      head: sealed ?? null,
      // completed_at by the store's clock, as claimed_at is: expiry compares the two with it.
      i: completion ? { scope: completion.scope, key: completion.key, token: completion.claimToken, outcome: completion.outcome ?? null, at: events.at(-1)?.recordedAt } : null,
    };
    return { index, request, events, item, head };
  }

  private async send(items: unknown[]): Promise<ItemAnswer[]> {
    try {
      const { rows } = await this.pool.query<{ answers: ItemAnswer[] }>(`SELECT ${this.table.appendBatch}($1::jsonb) AS answers`, [JSON.stringify(items)]);
      return rows[0].answers;
    } catch (error) {
      // A batch of one runs without a subtransaction: its failure is the statement's.
      const answer = items.length === 1 ? answerOfError(error) : undefined;
      if (answer) return [answer];
      throw error;
    }
  }

  private outcomeOf(plan: Planned, answer: Exclude<ItemAnswer, { r: 'stale' }>): AppendOutcome {
    const { streamId, expectedVersion } = plan.request;
    switch (answer.r) {
      case 'ok': {
        const last = plan.events[plan.events.length - 1];
        this.heads.set(streamId, { version: last.version, lastHash: last.hash, lastRecordedAt: last.recordedAt });
        const events = plan.events.map((event, i) => ({ ...event, globalPosition: Number(answer.p[i]) }));
        return { ok: true, result: { nextVersion: last.version, events } };
      }
      case 'key':
        return { ok: false, error: new DuplicateKeyError(answer.scope, answer.key) };
      case 'lost':
        return { ok: false, error: new IdempotencyClaimLostError(plan.request.options.idempotency!.scope, plan.request.options.idempotency!.key) };
      case 'unique':
        // The lock makes a version clash unreachable; the key is still the last word if it is not.
        if (answer.c?.includes('stream_id_version')) {
          this.heads.forget(streamId);
          return { ok: false, error: new WrongExpectedVersionError(streamId, expectedVersion, plan.head.version) };
        }
        return { ok: false, error: Object.assign(new Error(answer.m), { code: '23505', constraint: answer.c }) };
    }
  }
}

/** The answer append_batch gives in a batch of several, read from the error a batch of one fails with. */
function answerOfError(error: unknown): ItemAnswer | undefined {
  const { code, detail, constraint, message } = error as { code?: string; detail?: string; constraint?: string; message?: string };
  if (code === 'IS001' && detail) return { r: 'key', ...(JSON.parse(detail) as { scope: string; key: string }) };
  if (code === 'IS002') return { r: 'lost' };
  if (code === '23505') return { r: 'unique', c: constraint ?? null, m: message ?? 'unique violation' };
  return undefined;
}

const NEW_STREAM: StreamHead = { version: 0, lastHash: null, lastRecordedAt: null };
