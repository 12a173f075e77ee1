import { fixedServiceLevels, SAMPLE_POLICY } from '@app/service-levels/testing/fixedServiceLevels';
import type { CommandName, LogIssueData } from '@app/lifecycle';
import { history } from '../testing/issueHistory';
import { HARNESS_STORES, newIssueId, ProjectionHarness } from '../testing/projectionHarness';
import { issuesProjection } from './issuesProjection';
import { listIssues } from './listIssues';

const at = (day: string) => `${day}T09:00:00.000Z`;

describe.each(HARNESS_STORES)('GET /issues?sort=nextDeadline, on %s', (kind) => {
  let harness: ProjectionHarness;
  beforeEach(async () => (harness = await ProjectionHarness.open([issuesProjection({ serviceLevels: fixedServiceLevels() })], kind)));
  afterEach(() => harness.close());

  const given = (reference: string, steps: ReadonlyArray<readonly [CommandName, string]>, logged: Partial<LogIssueData> = { policyVersion: SAMPLE_POLICY.version }) =>
    harness.given(newIssueId(), history(steps, { reference, ...logged }));

  it('lists the soonest running deadline first, then the issues without one, newest first', async () => {
    // Without a deadline running: fed back (logged first) and logged before service levels (last).
    await given('TROW-2026-00001', [['log', at('2026-03-01')], ['refer', at('2026-03-02')], ['resolve', at('2026-03-03')], ['feed-back', at('2026-03-04')]]);
    // Acknowledged: its resolve deadline (16 March) is next.
    await given('TROW-2026-00002', [['log', at('2026-03-02')], ['refer', at('2026-03-03')]]);
    // Waiting for the resident: paused, so none is due.
    await given('TROW-2026-00003', [['log', at('2026-03-02')], ['await-resident', at('2026-03-03')]]);
    // Not acknowledged: due 4 March.
    await given('TROW-2026-00004', [['log', at('2026-03-02')]]);
    await given('TROW-2026-00005', [['log', at('2026-03-05')]], {});
    await harness.settle();
    const page = await listIssues(harness.db, { sort: 'nextDeadline', page: 1, pageSize: 10 }, new Date(at('2026-03-06')));
    expect(page.rows.map((row) => row.state.reference)).toEqual(['TROW-2026-00004', 'TROW-2026-00002', 'TROW-2026-00005', 'TROW-2026-00003', 'TROW-2026-00001']);
    expect(page.total).toBe(5);
    // The page boundary follows the same order.
    const second = await listIssues(harness.db, { sort: 'nextDeadline', page: 2, pageSize: 2 }, new Date(at('2026-03-06')));
    expect(second.rows.map((row) => row.state.reference)).toEqual(['TROW-2026-00005', 'TROW-2026-00003']);
  });
});
