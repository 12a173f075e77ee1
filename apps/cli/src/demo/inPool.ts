/**
 * Runs `work` on every item, at most `concurrency` at a time, starting them in order; answers
 * the results in the items' order. While one request waits for its commit, the next is parsed
 * and validated, which is most of the demo's speed. After a failure no new item starts; the
 * ones under way finish, then the first failure is thrown (nothing is left running).
 */
export async function inPool<T, R>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  const failures: unknown[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length && failures.length === 0) {
      const index = next++;
      try {
        results[index] = await work(items[index], index);
      } catch (error) {
        failures.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  if (failures.length > 0) throw failures[0];
  return results;
}
