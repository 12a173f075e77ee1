import { Agent, request as httpRequest } from 'node:http';
import { summarise } from '../../support/latency';
import type { LoadFigures } from './loadRun';
import type { OutgoingRequest, RequestSource } from './requestSource';

export interface PacedOptions {
  readonly url: string;
  /** Keep-alive connections the requests share: a request waits for a free one. */
  readonly connections: number;
  readonly seconds: number;
  /** Requests per second, sent at even intervals whether or not earlier ones were answered. */
  readonly rate: number;
  readonly source: RequestSource;
}

const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Latency at a given load: requests sent at an even rate (open loop) over `connections`
 * keep-alive connections, each timed from when it was due, so time spent waiting for a free
 * connection counts (no coordinated omission). autocannon's own rate options pace each client
 * by a per-second quota, sent back to back at the start of each second, and correct for
 * omission with a 1 ms interval: at 50 % of the maximum they measured a higher p99 than at
 * the maximum, so this runner is used for latency at a rate instead.
 */
export async function runPaced(options: PacedOptions): Promise<LoadFigures> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const target = new URL(options.url);
  const total = Math.max(1, Math.round(options.rate * options.seconds));
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let failures = 0;

  const send = (outgoing: OutgoingRequest, due: number) =>
    new Promise<void>((resolve) => {
      const request = httpRequest(
        {
          agent,
          host: target.hostname,
          port: target.port,
          method: outgoing.method,
          path: outgoing.path,
          headers: { ...outgoing.headers, 'content-length': Buffer.byteLength(outgoing.body) },
          timeout: REQUEST_TIMEOUT_MS,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const status = response.statusCode ?? 0;
            statuses[status] = (statuses[status] ?? 0) + 1;
            if (status >= 200 && status < 300) latencies.push(performance.now() - due);
            else failures++;
            options.source.answered(status, Buffer.concat(chunks).toString('utf8'), outgoing);
            resolve();
          });
        },
      );
      request.on('timeout', () => request.destroy(new Error('timed out')));
      request.on('error', () => {
        failures++;
        resolve();
      });
      request.end(outgoing.body);
    });

  const started = performance.now();
  const pending: Array<Promise<void>> = [];
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait >= 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(send(options.source.next(), due));
  }
  await Promise.all(pending);
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const summary = summarise(latencies.length > 0 ? latencies : [NaN]);
  return { throughput: latencies.length / seconds, p50Ms: summary.p50, p99Ms: summary.p99, failures, attempts: total, statuses };
}
