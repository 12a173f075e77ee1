import { inPool } from './inPool';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('inPool', () => {
  it('answers the results in the items’ order, never running more than asked at once', async () => {
    let running = 0;
    let most = 0;
    const results = await inPool([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
      most = Math.max(most, ++running);
      for (let i = 0; i < n; i++) await tick();
      running--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(most).toBe(3);
  });

  it('starts nothing new after a failure, lets the work under way finish, then throws the failure', async () => {
    const started: number[] = [];
    let finished = 0;
    const run = inPool([0, 1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      await tick();
      if (n === 1) throw new Error('refused');
      await tick();
      finished++;
    });
    await expect(run).rejects.toThrow('refused');
    expect(started).toEqual([0, 1]);
    expect(finished).toBe(1);
  });
});
