import fc from 'fast-check';
import { allowedCommands, CHANNELS, type CommandName, foldIssue, type IssueEvent, type ServiceLevelPolicy } from '@app/lifecycle';
import { fixedServiceLevels, SAMPLE_POLICY } from '@app/service-levels/testing/fixedServiceLevels';
import { issuesProjection } from '../issues/issuesProjection';
import { history } from '../testing/issueHistory';
import { HARNESS_STORES, newIssueId, ProjectionHarness } from '../testing/projectionHarness';
import { areaKpis } from './areaKpis';
import { computeKpis } from './computeKpis';
import type { KpiFilter } from './kpiFilter';
import { officerKpis } from './officerKpis';
import { naiveIssueOf, naiveKpis, naiveOfficerKpis } from './testing/naiveKpis';

// A property test over real databases: generous time, as a loaded machine slows every run.
jest.setTimeout(120_000);

const AREAS = ['trowbridge', 'calne', 'devizes'];
// Two policy versions an issue may be kept under (or none): short targets, so deadlines pass
// within the histories, another region's bank holidays, and an area's own target.
const OLDER_POLICY: ServiceLevelPolicy = {
  version: '2025-1',
  region: 'GB-SCT',
  default: { acknowledge: 1, resolve: 3, feedBack: 2 },
  categories: {},
  areas: { calne: { highways: { resolve: 6 } } },
};
const POLICIES = [SAMPLE_POLICY, OLDER_POLICY];
const serviceLevels = fixedServiceLevels(SAMPLE_POLICY, OLDER_POLICY);
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
  // Short gaps as often as long ones: deadlines of a few working days are met as well as missed.
  gapHours: fc.array(fc.oneof(fc.integer({ min: 1, max: 48 }), fc.integer({ min: 1, max: 24 * 20 })), { minLength: 8, maxLength: 8 }),
  dueInDays: fc.integer({ min: 1, max: 60 }),
  meetingInDays: fc.integer({ min: 0, max: 30 }),
  policyVersion: fc.constantFrom<string | undefined>(SAMPLE_POLICY.version, OLDER_POLICY.version, undefined),
  officer: fc.constantFrom('officer-1', 'officer-2'),
  // Whether the resident confirms the outcome (or disputes it, reopening the issue) when asked.
  confirms: fc.boolean(),
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

/** Some hours after one of the issues was logged. */
const nearIssue = fc.option(fc.record({ issue: fc.nat(), hours: fc.integer({ min: 0, max: 24 * 25 }) }), { nil: undefined });

type IssuePlan = typeof issue extends fc.Arbitrary<infer T> ? T : never;

/** The issue's events: a random walk through the commands its status allows, decided by the domain. */
function eventsOf(plan: IssuePlan, reference: string): IssueEvent[] {
  let at = START + plan.loggedHours * HOUR;
  const logged = { reference, areaId: plan.areaId, channel: plan.channel, ...(plan.policyVersion !== undefined && { policyVersion: plan.policyVersion }) };
  const dayAfter = (days: number) => new Date(at + days * 86_400_000).toISOString().slice(0, 10);
  const overrides = {
    assign: { officer: plan.officer, dueBy: dayAfter(plan.dueInDays) },
    'board-review': { meetingDate: dayAfter(plan.meetingInDays) },
    'record-confirmation': { confirmed: plan.confirms, channel: 'letter', ...(!plan.confirms && { reason: 'The pothole is back' }) },
  };
  const steps: Array<[CommandName, string]> = [['log', new Date(at).toISOString()]];
  for (const [i, choice] of plan.choices.entries()) {
    const allowed = allowedCommands(foldIssue(history(steps, logged, overrides)) as { status: 'none' });
    if (allowed.length === 0) break;
    at += plan.gapHours[i] * HOUR;
    steps.push([allowed[choice % allowed.length], new Date(at).toISOString()]);
  }
  return history(steps, logged, overrides);
}

describe.each(HARNESS_STORES)('KPIs against the contract, for random histories, on %s', (kind) => {
  it('equal the figures computed naively from the events, for any filter, GET /kpis, per area and per officer, deadlines and confirmations included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(issue, { maxLength: 10 }), fc.array(filter, { minLength: 1, maxLength: 4 }), instant, nearIssue, async (plans, filters, anyNow, near) => {
        // Now and then a day while an issue's deadlines run, so due days are on either side of today.
        const now = near && plans.length > 0 ? new Date(START + (plans[near.issue % plans.length].loggedHours + near.hours) * HOUR).toISOString() : anyNow;
        const harness = await ProjectionHarness.open([issuesProjection({ serviceLevels })], kind);
        try {
          const histories = plans.map((plan, i) => ({ id: newIssueId(), plan, events: eventsOf(plan, `TROW-2026-${String(i + 1).padStart(5, '0')}`) }));
          // Some issues move on in a later page: their rows and counts are updated, not only written.
          for (const { id, plan, events } of histories) await harness.given(id, events.slice(0, 1 + (plan.firstPage % events.length)));
          await harness.settle();
          for (const { id, plan, events } of histories) if (1 + (plan.firstPage % events.length) < events.length) await harness.given(id, events.slice(1 + (plan.firstPage % events.length)));
          await harness.settle();

          const issues = histories.map(({ events }) => naiveIssueOf(events, POLICIES));
          const at = new Date(now);
          for (const wanted of filters) {
            expect({ filter: wanted, figures: await computeKpis(harness.db, wanted, at) }).toEqual({ filter: wanted, figures: naiveKpis(issues, wanted, at) });
            expect({ filter: wanted, officers: await officerKpis(harness.db, wanted, at) }).toEqual({ filter: wanted, officers: naiveOfficerKpis(issues, wanted, at) });
          }
          const period = { from: filters[0].from, to: filters[0].to };
          expect(await areaKpis(harness.db, AREAS, period, at)).toEqual(AREAS.map((areaId) => ({ areaId, ...naiveKpis(issues, { ...period, areaId }, at) })));
        } finally {
          await harness.close();
        }
      }),
      { numRuns: kind === 'sqlite' ? 100 : 25 },
    );
  }, 120_000);
});
