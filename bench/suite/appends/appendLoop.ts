import { randomUUID } from 'node:crypto';
import { summarise } from '../../support/latency';
import type { Appender } from './appender';
import { benchEvent } from './benchEvent';

/** Commands per issue before a worker moves on to a new one: about an issue's real length. */
const APPENDS_PER_STREAM = 6;
/** An append not answered by then counts as failed, and its worker moves on (a store may hang one). */
const APPEND_TIMEOUT_MS = 5_000;

export interface AppendLoopOptions {
  readonly concurrency: number;
  /** The loop stops at whichever comes first. */
  readonly maxAppends: number;
  readonly seconds: number;
}

export interface AppendFigures {
  readonly concurrency: number;
  readonly attempts: number;
  readonly failures: number;
  readonly seconds: number;
  /** Successful appends per second. */
  readonly throughput: number;
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
  /** Why appends failed, the commonest first, with how many failed so ("3 × SQLITE_BUSY: …"). */
  readonly failureReasons: string[];
}

/**
 * `concurrency` workers, each running commands one after another: one event per append, on an
 * issue's own stream at the version the worker last saw (so every append checks it, as a
 * command does), a new issue every few appends. Workers never share a stream, so a failure is
 * the store's, not a conflict the bench caused; a worker whose append failed moves to a new
 * stream. Each append is timed from call to acknowledgement; one unanswered after a few seconds
 * counts as failed.
 */
export async function runAppends(appender: Appender, options: AppendLoopOptions): Promise<AppendFigures> {
  const latencies: number[] = [];
  const reasons = new Map<string, number>();
  let attempts = 0;
  let failures = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const worker = async () => {
    let streamId = `issue-${randomUUID()}`;
    let version = 0;
    while (attempts < options.maxAppends && performance.now() < deadline) {
      attempts++;
      const event = benchEvent(streamId);
      const sent = performance.now();
      try {
        await withTimeout(appender.append(streamId, version, event));
        latencies.push(performance.now() - sent);
        version++;
      } catch (error) {
        failures++;
        const reason = String((error as Error).message ?? error).split('\n')[0].slice(0, 120);
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        version = APPENDS_PER_STREAM;
      }
      if (version >= APPENDS_PER_STREAM) {
        streamId = `issue-${randomUUID()}`;
        version = 0;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const summary = latencies.length > 0 ? summarise(latencies) : undefined;
  return {
    concurrency: options.concurrency,
    attempts,
    failures,
    seconds,
    throughput: latencies.length / seconds,
    p50Ms: summary?.p50 ?? null,
    p99Ms: summary?.p99 ?? null,
    failureReasons: [...reasons]
      .sort(([, a], [, b]) => b - a)
      .map(([reason, count]) => `${count} × ${reason}`),
  };
}

function withTimeout(append: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${APPEND_TIMEOUT_MS / 1000} s`)), APPEND_TIMEOUT_MS);
  });
  return Promise.race([append, timeout]).finally(() => clearTimeout(timer));
}
