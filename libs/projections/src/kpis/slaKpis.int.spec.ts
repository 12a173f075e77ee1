import { fixedServiceLevels, SAMPLE_POLICY } from '@app/service-levels/testing/fixedServiceLevels';
import type { CommandName, LogIssueData } from '@app/lifecycle';
import { issuesProjection } from '../issues/issuesProjection';
import { history } from '../testing/issueHistory';
import { HARNESS_STORES, newIssueId, ProjectionHarness } from '../testing/projectionHarness';
import { computeKpis } from './computeKpis';
import { officerKpis } from './officerKpis';

// The sample policy: acknowledge 2 working days, trowbridge highways resolved in 10, fed back in 5.
// Monday 2 March 2026: acknowledge due Wednesday 4, resolve Monday 16 March.
const at = (day: string) => `${day}T09:00:00.000Z`;
const UNDER_POLICY: Partial<LogIssueData> = { policyVersion: SAMPLE_POLICY.version };
const sla = (ack: [number, number], resolve: [number, number], feedBack: [number, number]) => {
  const figures = ([met, missed]: [number, number]) => ({ met, missed, rate: met + missed === 0 ? 0 : Math.round((met / (met + missed)) * 10_000) / 10_000 });
  return { acknowledge: figures(ack), resolve: figures(resolve), feedBack: figures(feedBack) };
};

describe.each(HARNESS_STORES)('service-level KPIs, on %s', (kind) => {
  let harness: ProjectionHarness;
  let issues = 0;
  beforeEach(async () => (harness = await ProjectionHarness.open([issuesProjection({ serviceLevels: fixedServiceLevels() })], kind)));
  afterEach(() => harness.close());

  async function given(steps: ReadonlyArray<readonly [CommandName, string]>, logged: Partial<LogIssueData> = UNDER_POLICY, overrides: Partial<Record<CommandName, object>> = {}) {
    issues += 1;
    await harness.given(newIssueId(), history(steps, { reference: `TROW-2026-${String(issues).padStart(5, '0')}`, ...logged }, overrides));
  }

  async function givenTheSampleIssues() {
    const assign = (officer: string) => ({ assign: { officer, dueBy: '2026-12-01' } });
    // Acknowledged, resolved in time (6 working days), fed back late (due 17 March).
    await given([['log', at('2026-03-02')], ['assign', at('2026-03-03')], ['refer', at('2026-03-04')], ['resolve', at('2026-03-10')], ['feed-back', at('2026-03-20')]], UNDER_POLICY, assign('officer-1'));
    // Nothing since it was logged: both deadlines run on, past their day.
    await given([['log', at('2026-03-02')]]);
    // Acknowledged late (Friday 6 March), its resolve deadline past.
    await given([['log', at('2026-03-02')], ['assign', at('2026-03-06')]], UNDER_POLICY, assign('officer-2'));
    // Waiting for the resident since the day after: acknowledged, resolve paused.
    await given([['log', at('2026-03-02')], ['await-resident', at('2026-03-03')]]);
    // Withdrawn before its resolve deadline: acknowledged, resolve stopped.
    await given([['log', at('2026-03-02')], ['withdraw', at('2026-03-03')]]);
    // Logged before service levels: no deadlines, but its working days to resolve (2) count.
    await given([['log', at('2026-03-02')], ['refer', at('2026-03-03')], ['resolve', at('2026-03-04')]], {});
    // Friday 20 November: acknowledge due Tuesday 24, still running.
    await given([['log', at('2026-11-20')]]);
    await harness.settle();
  }

  it('counts deadlines met and missed, running and paused in neither, and the median working days to resolve', async () => {
    await givenTheSampleIssues();
    const figures = await computeKpis(harness.db, {}, new Date(at('2026-11-23')));
    expect(figures.sla).toEqual(sla([3, 2], [1, 2], [0, 1]));
    expect(figures.sla.resolve.rate).toBe(0.3333);
    // Working days to resolve 6 and 2: the nearest-rank median of two is the smaller.
    expect(figures.medianWorkingDaysToResolve).toBe(2);
    expect(figures.byStatus).toMatchObject({ awaitingResident: 1, withdrawn: 1, logged: 3 });
  });

  it('counts a running deadline missed only once its due day is over in London', async () => {
    await givenTheSampleIssues();
    // On its due day (Wednesday 4 March, late evening) the untouched issue's acknowledgement still runs...
    expect((await computeKpis(harness.db, {}, new Date('2026-03-04T23:30:00.000Z'))).sla.acknowledge).toEqual({ met: 3, missed: 1, rate: 0.75 });
    // ...and the next day it is missed.
    expect((await computeKpis(harness.db, {}, new Date('2026-03-05T00:30:00.000Z'))).sla.acknowledge).toEqual({ met: 3, missed: 2, rate: 0.6 });
  });

  it('gives each officer the deadlines of their issues', async () => {
    await givenTheSampleIssues();
    const rows = await officerKpis(harness.db, {}, new Date(at('2026-11-23')));
    expect(rows.map(({ officer, sla: figures }) => ({ officer, sla: figures }))).toEqual([
      { officer: 'officer-1', sla: sla([1, 0], [1, 0], [0, 1]) },
      { officer: 'officer-2', sla: sla([0, 1], [0, 1], [0, 0]) },
    ]);
  });

  it('gives no median when nothing is resolved', async () => {
    await given([['log', at('2026-03-02')]]);
    await harness.settle();
    expect((await computeKpis(harness.db, {}, new Date(at('2026-03-03')))).medianWorkingDaysToResolve).toBeNull();
  });
});
