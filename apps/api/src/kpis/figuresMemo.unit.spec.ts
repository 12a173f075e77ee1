import { FiguresMemo } from './figuresMemo';

describe('FiguresMemo', () => {
  it('computes once per key, sharing the answer with callers who ask while it runs', async () => {
    const memo = new FiguresMemo();
    let runs = 0;
    const compute = async () => ++runs;
    const [a, b] = await Promise.all([memo.get('k@1', compute), memo.get('k@1', compute)]);
    expect([a, b, await memo.get('k@1', compute)]).toEqual([1, 1, 1]);
    expect(await memo.get('k@2', compute)).toBe(2);
  });

  it('forgets a failure, so the next request computes again', async () => {
    const memo = new FiguresMemo();
    await expect(memo.get('k', () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
    expect(await memo.get('k', async () => 'figures')).toBe('figures');
  });

  it('keeps the 200 most recently used answers', async () => {
    const memo = new FiguresMemo();
    for (let i = 0; i < 200; i++) await memo.get(`k${i}`, async () => i);
    await memo.get('k0', async () => -1);
    await memo.get('k200', async () => 200);
    expect(await memo.get('k0', async () => -1)).toBe(0);
    expect(await memo.get('k1', async () => -1)).toBe(-1);
  });
});
