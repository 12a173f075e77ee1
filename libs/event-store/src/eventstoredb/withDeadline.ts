/**
 * EventStoreDB did not answer in time. The client can wait for ever on a server that accepts the
 * connection and never answers (its own gRPC deadlines do not cover every call), so every call
 * this adapter makes runs under a deadline of its own.
 */
export class EventStoreDbTimeoutError extends Error {
  constructor(
    readonly what: string,
    readonly timeoutMs: number,
  ) {
    super(
      `EventStoreDB did not answer ${what} within ${timeoutMs} ms: check that the server (or the cluster's leader) named by EVENTSTORE_URL ` +
        'is up and reachable; EVENTSTORE_TIMEOUT_MS sets how long to wait',
    );
    this.name = 'EventStoreDbTimeoutError';
  }
}

/**
 * The promise's outcome, or an EventStoreDbTimeoutError once `ms` have passed. The timer keeps
 * the process alive while it waits (a hung gRPC call may not), and is cleared as soon as the
 * promise settles. `onTimeout` may cancel the abandoned call (its failure is ignored).
 */
export function withDeadline<T>(promise: Promise<T>, ms: number, what: string, onTimeout?: () => unknown): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      try {
        void Promise.resolve(onTimeout?.()).catch(() => undefined);
      } catch {
        // cancelling is best effort: the deadline's error is what the caller needs
      }
      reject(new EventStoreDbTimeoutError(what, ms));
    }, ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

/**
 * Every item of a read, under one deadline for the whole read. On timeout the iterator is asked
 * to end (best effort: a read stuck inside the client may only let go when its connection does).
 */
export async function collectWithDeadline<T>(items: AsyncIterable<T>, ms: number, what: string): Promise<T[]> {
  const iterator = items[Symbol.asyncIterator]();
  const collected: T[] = [];
  const drain = async () => {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) collected.push(next.value);
    return collected;
  };
  return withDeadline(drain(), ms, what, () => iterator.return?.());
}
