import { STORES } from '../support/testApp';
import { fuzzSuite } from './support/fuzzSuite';

/**
 * Fuzzing the write side (issue 17): every command route the app serves, from valid bodies
 * (the contract's command table) spoilt field by field, byte by byte and header by header.
 * FUZZ_RUNS=5000 FUZZ_SEED=<n> runs more, or another sequence.
 */
describe.each(STORES)('fuzzing the commands', (kind) => {
  fuzzSuite('commands', kind, { methods: (method) => method !== 'GET', defaultRuns: 1200 });
});
