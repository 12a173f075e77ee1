import autocannon from 'autocannon';
import type { OutgoingRequest, RequestSource } from './requestSource';

export interface LoadOptions {
  readonly url: string;
  readonly connections: number;
  readonly seconds: number;
  readonly source: RequestSource;
}

export interface LoadFigures {
  /** 2xx answers per second. */
  readonly throughput: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Connection errors, timeouts and answers other than 2xx. */
  readonly failures: number;
  readonly attempts: number;
  /** How many answers of each status, to say what the failures were. */
  readonly statuses: Record<string, number>;
}

/**
 * The maximum rate: an autocannon run in which each of `connections` clients sends its next
 * request as soon as the last is answered. Each client gets its own request object (autocannon
 * shares one between clients otherwise, and their first requests would all be the same).
 */
export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  const { source } = options;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    pipelining: 1,
    timeout: 10,
    setupClient: (client) =>
      client.setRequests([
        {
          setupRequest: (request, context) => {
            const outgoing = source.next();
            context.outgoing = outgoing;
            return { ...request, method: outgoing.method, path: outgoing.path, headers: outgoing.headers, body: outgoing.body };
          },
          onResponse: (status, body, context) => source.answered(status, body, context.outgoing as OutgoingRequest),
        },
      ]),
  });
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([status, { count }]) => [status, Number(count)]));
  const answered = Object.values(statuses).reduce((sum, count) => sum + count, 0);
  return {
    throughput: result['2xx'] / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failures: result.errors + result.non2xx,
    attempts: answered + result.errors,
    statuses,
  };
}
