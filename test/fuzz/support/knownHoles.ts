import fc from 'fast-check';
import { FUZZ_SEED, type Plan } from './fuzzRun';
import { DeepNesting } from './oddValues';
import type { RouteSpec } from './validRequests';

/**
 * Requests that broke the server once (issue 17, and what the fuzzer found since), replayed
 * first on every run whatever the seed: each hole stays closed, not just likely to be hit.
 */
type Hole = Partial<Omit<Plan, 'spec'>> & { readonly method: string; readonly path: string; readonly caller?: RouteSpec['caller'] };

const HOLES: readonly Hole[] = [
  // An unpaired surrogate in an anonymous intake's title: 500 on PostgreSQL.
  { method: 'POST', path: '/issues', caller: 'anonymous', bodyMutations: [{ op: 'replace', pick: 0, value: '\ud800' }] },
  // NUL in a title: PostgreSQL cannot store it.
  { method: 'POST', path: '/issues', caller: 'officer', bodyMutations: [{ op: 'replace', pick: 0, value: 'Pot\u0000hole' }] },
  // An array 2,000 levels deep (about 6 KB): 500 on both stores.
  { method: 'POST', path: '/issues', caller: 'anonymous', bodyMutations: [{ op: 'whole', value: new DeepNesting('array', 2_000) }] },
  { method: 'POST', path: '/issues/:id/notes', bodyMutations: [{ op: 'add', pick: 0, key: 'text', value: new DeepNesting('object', 10_000) }] },
  // NUL in a path parameter, from a staff token: 500 on PostgreSQL.
  { method: 'GET', path: '/issues/:id', params: { id: { kind: 'odd', segment: '%00' } } },
  { method: 'GET', path: '/issues/:id/history', params: { id: { kind: 'odd', segment: '%ED%A0%80' } } },
  { method: 'GET', path: '/public/issues/:reference', params: { reference: { kind: 'odd', segment: 'TROW-2026-00001%00' } } },
  // NUL and an encoded surrogate in query strings.
  { method: 'GET', path: '/issues', queryMutation: { op: 'raw', text: 'q=%00' } },
  { method: 'GET', path: '/issues', queryMutation: { op: 'raw', text: 'q=%ED%A0%80' } },
  // An import line nested 10,000 levels deep: 500 (stack overflow) before parseImportLine bounded it.
  { method: 'POST', path: '/admin/import', bodyMutations: [{ op: 'replace', pick: 40, value: new DeepNesting('array', 10_000) }] },
  { method: 'POST', path: '/admin/import', bodyMutations: [{ op: 'replace', pick: 2, value: 'Light \ud800 out' }] },
];

/** The holes among these specs, as plans: the rest of each request valid. */
export function knownHolePlans(specs: readonly RouteSpec[]): Plan[] {
  return HOLES.flatMap((hole) => {
    const spec = specs.find((candidate) => candidate.method === hole.method && candidate.path === hole.path && (!hole.caller || candidate.caller === hole.caller));
    if (!spec) return [];
    const params = Object.fromEntries(Object.keys(spec.params ?? {}).map((name) => [name, hole.params?.[name] ?? { kind: 'valid' as const, pick: 1 }]));
    const sample = <T>(arbitrary: fc.Arbitrary<T> | undefined, fallback: T) => (arbitrary ? fc.sample(arbitrary, { seed: FUZZ_SEED, numRuns: 1 })[0] : fallback);
    const plan: Plan = {
      spec,
      params,
      query: sample(spec.query, {}),
      queryMutation: hole.queryMutation ?? { op: 'none' },
      body: sample<unknown>(spec.body, undefined),
      bodyMutations: hole.bodyMutations ?? [],
      wire: hole.wire ?? { op: 'none' },
      contentType: 'valid',
      auth: { kind: 'valid' },
      headers: {},
      strayBody: false,
      focus: 'all',
    };
    return [plan];
  });
}
