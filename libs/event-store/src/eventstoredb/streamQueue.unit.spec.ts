import { StreamQueue } from './streamQueue';

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('StreamQueue', () => {
  it("runs one stream's work one at a time, in the order it came", async () => {
    const queue = new StreamQueue();
    const log: string[] = [];
    const work = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await later(ms);
      log.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([queue.run('s', work('a', 30)), queue.run('s', work('b', 5)), queue.run('s', work('c', 1))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('runs different streams side by side', async () => {
    const queue = new StreamQueue();
    const log: string[] = [];
    await Promise.all([
      queue.run('s1', async () => {
        log.push('start 1');
        await later(30);
        log.push('end 1');
      }),
      queue.run('s2', async () => {
        log.push('start 2');
        await later(1);
        log.push('end 2');
      }),
    ]);
    expect(log).toEqual(['start 1', 'start 2', 'end 2', 'end 1']);
  });

  it('goes on with the next piece of work after one fails, failing only that one', async () => {
    const queue = new StreamQueue();
    const failed = queue.run('s', async () => {
      throw new Error('conflict');
    });
    const next = queue.run('s', async () => 'next');
    await expect(failed).rejects.toThrow('conflict');
    await expect(next).resolves.toBe('next');
    await queue.drained();
  });
});
