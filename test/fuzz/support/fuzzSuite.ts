import fc from 'fast-check';
import type { StoreKind } from '../../support/testApp';
import { bearer } from '../../support/testApp';
import { COMMAND_BODIES, intake, WHO_MAY } from '../../support/issueRequests';
import { useFuzzApp } from './fuzzApp';
import { FUZZ_SEED, fuzzOnce, FuzzTally, type LiveFixtures, type Plan, planFor, runsFor, specsFor } from './fuzzRun';

const SURVEY = process.env.FUZZ_SURVEY === '1';
import { knownHolePlans } from './knownHoles';
import { PERSONAL_MARKER } from './personalMarkers';
import { sendRaw } from './rawHttp';
import type { RouteSpec } from './validRequests';

export interface FuzzSuiteOptions {
  /** Which of the served routes this suite fuzzes, by method. */
  readonly methods: (method: string) => boolean;
  /** Requests per store in CI; FUZZ_RUNS overrides. */
  readonly defaultRuns: number;
  /** Routes the app does not serve, fuzzed too (wrong methods, unknown paths). */
  readonly extraSpecs?: readonly RouteSpec[];
}

/** Issues to aim commands and reads at, one logged, one resolved, one fed back, one awaiting the resident; the run adds every issue its valid intakes create. */
async function seedFixtures(port: number): Promise<LiveFixtures> {
  const live: LiveFixtures = { issues: [], projections: [] };
  const send = async (path: string, body: unknown, authorization?: string) => {
    const headers = { 'content-type': 'application/json', ...(authorization && { authorization }) };
    const answer = await sendRaw(port, { method: 'POST', path, headers, body: Buffer.from(JSON.stringify(body)) });
    if (answer.status >= 300) throw new Error(`fixture ${path} failed: ${answer.status} ${answer.text}`);
    return JSON.parse(answer.text) as { id: string; reference: string; version: number };
  };
  for (const steps of [[], ['refer', 'resolve'], ['refer', 'resolve', 'feed-back'], ['refer', 'await-resident']]) {
    let issue = await send('/issues', intake({ raisedBy: { name: `Resident Rsdnt${String(live.issues.length).padStart(8, '0')}` } }));
    for (const step of steps) issue = await send(`/issues/${issue.id}/${step}`, { ...COMMAND_BODIES[step], expectedVersion: issue.version }, WHO_MAY[step]);
    live.issues.push({ id: issue.id, reference: issue.reference });
  }
  const projections = await sendRaw(port, { method: 'GET', path: '/projections', headers: { authorization: bearer('viewer', ['*']) } });
  live.projections.push(...(JSON.parse(projections.text) as Array<{ name: string }>).map((projection) => projection.name));
  return live;
}

/**
 * One fuzz suite on one store: a fixed seed (printed), N generated and mutated requests, each
 * held to the pass criteria as it is answered, then the captured logs searched for personal data.
 */
export function fuzzSuite(title: string, kind: StoreKind, options: FuzzSuiteOptions): void {
  describe(`${title}, on ${kind}`, () => {
    const app = useFuzzApp(kind);
    const runs = runsFor(options.defaultRuns);
    const tally = new FuzzTally();

    it(`answers ${runs} generated and mutated requests without a 5xx, a hang, a leak, or a change from a refused request`, async () => {
      const live = await seedFixtures(app().port);
      const { specs, generic } = specsFor(app(), options.methods);
      const all = [...specs, ...(options.extraSpecs ?? [])];
      console.info(`fuzz ${title} on ${kind}: seed ${FUZZ_SEED}, ${runs} runs over ${all.length} routes${generic.length ? `; fuzzed generically (no table entry): ${generic.join(', ')}` : ''}`);
      const started = Date.now();
      // FUZZ_SURVEY=1 goes on past a failure and lists each kind found (by route and problem), to fix them in one go.
      const survey = new Map<string, string>();
      const once = async (plan: Plan) => {
        try {
          await fuzzOnce(plan, app(), live, tally);
        } catch (error) {
          if (!SURVEY) throw error;
          const message = (error as Error).message;
          survey.set(`${plan.spec.method} ${plan.spec.path}: ${message.split('\n')[0]}`, message);
        }
      };
      try {
        const examples = knownHolePlans(all).map((plan) => [plan] as [Plan]);
        await fc.assert(fc.asyncProperty(planFor(all), once), { seed: FUZZ_SEED, numRuns: runs, endOnFailure: true, examples });
        expect([...survey.values()]).toEqual([]);
      } finally {
        console.info(`fuzz ${title} on ${kind}: ${tally.summary()} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
      expect(tally.requests).toBeGreaterThanOrEqual(runs);
    }, 60_000 + runs * 200);

    it('never wrote the personal data it was sent to the logs', async () => {
      await new Promise((resolve) => setTimeout(resolve, 200)); // the last request's log line
      const logs = app().logs;
      // The capture sees the app's request log: an empty capture would prove nothing.
      expect(logs.writes).toBeGreaterThan(tally.requests / 2);
      expect(logs.text()).toContain('"req"');
      const leak = PERSONAL_MARKER.exec(logs.text());
      expect(leak && logs.text().slice(Math.max(0, leak.index - 300), leak.index + 100)).toBeNull();
    });
  });
}
