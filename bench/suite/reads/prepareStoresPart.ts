/**
 * Generates the stores of one kind that the read parts need, or finds them cached from an
 * earlier run (bench/support/generatedStore.ts), before anything is measured: so that no
 * measuring process pays for, or keeps the memory of, a generation.
 */
import { openGeneratedStore } from '../../support/generatedStore';
import { partArgs, partMain } from '../partProcess';
import { type PrepareArgs, SEED } from './readRows';

async function main() {
  const { kind, sizes, databaseUrl } = partArgs<PrepareArgs>();
  for (const events of sizes) {
    const { store } = await openGeneratedStore({ kind, size: { events }, seed: SEED, databaseUrl });
    await store.close();
  }
  return [];
}

partMain(main);
