import { STORES } from '../support/testApp';
import { fuzzSuite } from './support/fuzzSuite';
import { genericSpec } from './support/validRequests';

/** Methods and paths the app does not serve: they must be a plain 404 (or 405), never a 5xx. */
const UNSERVED = [
  genericSpec('DELETE', '/issues/:id'),
  genericSpec('PATCH', '/issues/:id'),
  genericSpec('OPTIONS', '/issues'),
  genericSpec('HEAD', '/areas'),
  genericSpec('GET', '/:wild/:deeper'),
  genericSpec('POST', '/public/issues/:reference'),
];

/**
 * Fuzzing the read side (issue 17): every GET route the app serves, with odd ids, references,
 * query strings and headers, plus methods and paths it does not serve.
 * FUZZ_RUNS=5000 FUZZ_SEED=<n> runs more, or another sequence.
 */
describe.each(STORES)('fuzzing the reads', (kind) => {
  fuzzSuite('reads', kind, { methods: (method) => method === 'GET', defaultRuns: 1200, extraSpecs: UNSERVED });
});
