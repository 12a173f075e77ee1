/**
 * Retries an assertion until it passes or `withinMs` runs out: read models follow commands
 * asynchronously, and the contract gives them a second.
 */
export async function eventually<T>(assertion: () => Promise<T>, withinMs = 1_000): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
