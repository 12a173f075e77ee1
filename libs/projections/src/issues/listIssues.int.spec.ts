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

describe.each(HARNESS_STORES)('GET /issues?disputesFirst=true, on %s', (kind) => {
  let harness: ProjectionHarness;
  beforeEach(async () => (harness = await ProjectionHarness.open([issuesProjection({ serviceLevels: fixedServiceLevels() })], kind)));
  afterEach(() => harness.close());

  const dispute = { 'record-confirmation': { confirmed: false, reason: 'Not fixed', channel: 'phone' } };
  const fedBack = (day: number): Array<readonly [CommandName, string]> => [
    ['log', at(`2026-03-0${day}`)],
    ['refer', at(`2026-03-1${day}`)],
    ['resolve', at(`2026-03-2${day}`)],
    ['feed-back', at(`2026-04-0${day}`)],
  ];
  const given = (reference: string, steps: ReadonlyArray<readonly [CommandName, string]>) => harness.given(newIssueId(), history(steps, { reference }, dispute));
  const list = (disputesFirst: boolean, page = 1, pageSize = 10, status?: string) =>
    listIssues(harness.db, { disputesFirst, page, pageSize, ...(status && { status }) }, new Date(at('2026-06-01')));
  const references = (page: Awaited<ReturnType<typeof list>>) => page.rows.map((row) => row.state.reference);

  it('puts the open disputes first, newest first, then the rest; a dispute resolved again or withdrawn is no longer open', async () => {
    await given('TROW-2026-00001', [...fedBack(1), ['record-confirmation', at('2026-04-11')]]);
    await given('TROW-2026-00002', [...fedBack(2), ['record-confirmation', at('2026-04-12')], ['refer', at('2026-04-13')], ['resolve', at('2026-04-14')]]);
    await given('TROW-2026-00003', [['log', at('2026-03-03')]]);
    await given('TROW-2026-00004', [...fedBack(4), ['record-confirmation', at('2026-04-14')], ['withdraw', at('2026-04-15')]]);
    await given('TROW-2026-00005', [...fedBack(5), ['record-confirmation', at('2026-04-15')], ['refer', at('2026-04-16')]]);
    await given('TROW-2026-00006', [['log', at('2026-03-06')]]);
    await harness.settle();

    const page = await list(true);
    expect(references(page)).toEqual(['TROW-2026-00005', 'TROW-2026-00001', 'TROW-2026-00006', 'TROW-2026-00004', 'TROW-2026-00003', 'TROW-2026-00002']);
    expect(page.rows.map((row) => row.openDisputeAt)).toEqual([at('2026-04-15'), at('2026-04-11'), null, null, null, null]);
    expect(page.total).toBe(6);
    // Without it, newest first as ever.
    expect(references(await list(false))).toEqual(['TROW-2026-00006', 'TROW-2026-00005', 'TROW-2026-00004', 'TROW-2026-00003', 'TROW-2026-00002', 'TROW-2026-00001']);
    // Pages cut across the two parts, in the same order.
    expect(references(await list(true, 1, 3))).toEqual(['TROW-2026-00005', 'TROW-2026-00001', 'TROW-2026-00006']);
    expect(references(await list(true, 2, 3))).toEqual(['TROW-2026-00004', 'TROW-2026-00003', 'TROW-2026-00002']);
    expect(references(await list(true, 2, 1))).toEqual(['TROW-2026-00001']);
    expect(references(await list(true, 3, 1))).toEqual(['TROW-2026-00006']);
    expect(references(await list(true, 4, 2))).toEqual([]);
    // With a status: only that status's disputes count.
    expect(references(await list(true, 1, 10, 'referred'))).toEqual(['TROW-2026-00005']);
    expect(references(await list(true, 1, 10, 'logged'))).toEqual(['TROW-2026-00001', 'TROW-2026-00006', 'TROW-2026-00003']);
    expect(references(await list(true, 2, 1, 'logged'))).toEqual(['TROW-2026-00006']);
  });
});
