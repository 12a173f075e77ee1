import fc from 'fast-check';
import { allowedCommands, CHANNELS, type CommandName, foldIssue, type IssueEvent } from '@app/lifecycle';
import { issuesProjection } from '../issues/issuesProjection';
import { history } from '../testing/issueHistory';
import { HARNESS_STORES, newIssueId, ProjectionHarness } from '../testing/projectionHarness';
import { areaKpis } from './areaKpis';
import { computeKpis } from './computeKpis';
import type { KpiFilter } from './kpiFilter';
import { naiveIssueOf, naiveKpis } from './testing/naiveKpis';

// A property test over real databases: generous time, as a loaded machine slows every run.
jest.setTimeout(120_000);

const AREAS = ['trowbridge', 'calne', 'devizes'];
const HOUR = 3_600_000;
// Issues logged over ten weeks from late January: periods and resolutions cross month starts.
const START = Date.parse('2026-01-25T00:00:00.000Z');
const SPAN_HOURS = 24 * 70;

const instant = fc.integer({ min: -24 * 5, max: SPAN_HOURS + 24 * 40 }).chain((hours) =>
  // Whole hours, and now and then a bound on a month's start exactly.
  fc.constantFrom(new Date(START + hours * HOUR).toISOString(), `${new Date(START + hours * HOUR).toISOString().slice(0, 7)}-01T00:00:00.000Z`),
);

const issue = fc.record({
  areaId: fc.constantFrom(...AREAS),
  channel: fc.constantFrom(...CHANNELS),
  loggedHours: fc.integer({ min: 0, max: SPAN_HOURS }),
  // Each picks a command among those the issue's status allows; each follows after a gap.
  choices: fc.array(fc.nat(), { maxLength: 8 }),
  gapHours: fc.array(fc.integer({ min: 1, max: 24 * 20 }), { minLength: 8, maxLength: 8 }),
  dueInDays: fc.integer({ min: 1, max: 60 }),
  // How many of its events reach the projection in an earlier page than the rest.
  firstPage: fc.nat(),
});

const filter: fc.Arbitrary<KpiFilter> = fc.record(
  {
    from: instant,
    to: instant,
    areaId: fc.constantFrom(...AREAS),
    areas: fc.subarray(AREAS),
  },
  { requiredKeys: [] },
);

type IssuePlan = typeof issue extends fc.Arbitrary<infer T> ? T : never;

/** The issue's events: a random walk through the commands its status allows, decided by the domain. */
function eventsOf(plan: IssuePlan, reference: string): IssueEvent[] {
  let at = START + plan.loggedHours * HOUR;
  const logged = { reference, areaId: plan.areaId, channel: plan.channel };
  const overrides = { assign: { officer: 'officer-1', dueBy: new Date(at + plan.dueInDays * 86_400_000).toISOString().slice(0, 10) } };
  const steps: Array<[CommandName, string]> = [['log', new Date(at).toISOString()]];
  for (const [i, choice] of plan.choices.entries()) {
    const allowed = allowedCommands(foldIssue(history(steps, logged, overrides)).status);
    if (allowed.length === 0) break;
    at += plan.gapHours[i] * HOUR;
    steps.push([allowed[choice % allowed.length], new Date(at).toISOString()]);
  }
  return history(steps, logged, overrides);
}

describe.each(HARNESS_STORES)('KPIs against the contract, for random histories, on %s', (kind) => {
  it('equal the figures computed naively from the events, for any filter, GET /kpis and per area', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(issue, { maxLength: 10 }), fc.array(filter, { minLength: 1, maxLength: 4 }), instant, async (plans, filters, now) => {
        const harness = await ProjectionHarness.open([issuesProjection], kind);
        try {
          const histories = plans.map((plan, i) => ({ id: newIssueId(), plan, events: eventsOf(plan, `TROW-2026-${String(i + 1).padStart(5, '0')}`) }));
          // Some issues move on in a later page: their rows and counts are updated, not only written.
          for (const { id, plan, events } of histories) await harness.given(id, events.slice(0, 1 + (plan.firstPage % events.length)));
          await harness.settle();
          for (const { id, plan, events } of histories) if (1 + (plan.firstPage % events.length) < events.length) await harness.given(id, events.slice(1 + (plan.firstPage % events.length)));
          await harness.settle();

          const issues = histories.map(({ events }) => naiveIssueOf(events));
          const at = new Date(now);
          for (const wanted of filters) {
            expect({ filter: wanted, figures: await computeKpis(harness.db, wanted, at) }).toEqual({ filter: wanted, figures: naiveKpis(issues, wanted, at) });
          }
          const period = { from: filters[0].from, to: filters[0].to };
          expect(await areaKpis(harness.db, AREAS, period, at)).toEqual(AREAS.map((areaId) => ({ areaId, ...naiveKpis(issues, { ...period, areaId }, at) })));
        } finally {
          await harness.close();
        }
      }),
      { numRuns: kind === 'sqlite' ? 25 : 10 },
    );
  }, 120_000);
});
