import { collectWithDeadline, EventStoreDbTimeoutError, withDeadline } from './withDeadline';

describe('withDeadline', () => {
  it('rejects a call that never answers with an error saying what timed out, after how long, and what to check', async () => {
    const never = new Promise<never>(() => undefined);
    const attempt = withDeadline(never, 30, 'the append to issue-1');
    await expect(attempt).rejects.toBeInstanceOf(EventStoreDbTimeoutError);
    await expect(attempt).rejects.toThrow(
      'EventStoreDB did not answer the append to issue-1 within 30 ms: check that the server (or the cluster\'s leader) named by EVENTSTORE_URL is up and reachable; EVENTSTORE_TIMEOUT_MS sets how long to wait',
    );
  });

  it('passes an answer or a failure that comes in time through unchanged, and cancels nothing', async () => {
    const cancelled = jest.fn();
    await expect(withDeadline(Promise.resolve(42), 1000, 'a read', cancelled)).resolves.toBe(42);
    const failure = new Error('refused');
    await expect(withDeadline(Promise.reject(failure), 1000, 'a read', cancelled)).rejects.toBe(failure);
    expect(cancelled).not.toHaveBeenCalled();
  });

  it('cancels the abandoned call when the deadline passes, even if cancelling fails', async () => {
    const cancelled = jest.fn(() => Promise.reject(new Error('cannot cancel')));
    await expect(withDeadline(new Promise(() => undefined), 10, 'a read', cancelled)).rejects.toBeInstanceOf(EventStoreDbTimeoutError);
    expect(cancelled).toHaveBeenCalledTimes(1);
  });

  it('puts a whole read under one deadline, and asks a stuck read to end', async () => {
    let ended = false;
    const stuck: AsyncIterable<number> = {
      [Symbol.asyncIterator]: () => {
        let sent = 0;
        return {
          next: () => (sent++ < 2 ? Promise.resolve({ done: false, value: sent }) : new Promise(() => undefined)),
          return: async () => {
            ended = true;
            return { done: true, value: undefined };
          },
        };
      },
    };
    await expect(collectWithDeadline(stuck, 20, 'a read of $all')).rejects.toThrow(/did not answer a read of \$all within 20 ms/);
    expect(ended).toBe(true);
    async function* three() {
      yield* [1, 2, 3];
    }
    await expect(collectWithDeadline(three(), 1000, 'a read')).resolves.toEqual([1, 2, 3]);
  });
});
