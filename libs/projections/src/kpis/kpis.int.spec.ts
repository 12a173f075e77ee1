import { fixedServiceLevels, SAMPLE_POLICY } from '@app/service-levels/testing/fixedServiceLevels';
import { type CommandName, type IssueEvent, ISSUE_STATUSES, type LogIssueData } from '@app/lifecycle';
import { issuesProjection } from '../issues/issuesProjection';
import { generationsOf } from '../projectionState';
import { history } from '../testing/issueHistory';
import { HARNESS_STORES, newIssueId, ProjectionHarness } from '../testing/projectionHarness';
import { areaKpis } from './areaKpis';
import { computeKpis } from './computeKpis';
import type { KpiFilter } from './kpiFilter';
import { officerKpis } from './officerKpis';
import { resolutionTimes } from './resolutionTimes';
import { naiveIssueOf, naiveKpis } from './testing/naiveKpis';

const DAY = 86_400_000;
/** An instant `days` after `start`. */
const after = (start: string, days: number) => new Date(Date.parse(start) + days * DAY).toISOString();
const T0 = '2026-03-02T09:00:00.000Z';
const NOW = new Date('2026-11-23T12:00:00.000Z');

type Steps = ReadonlyArray<readonly [CommandName, string]>;

/** log at `start`, refer a day later, resolve `days` after logging. */
/** The figures of issues without deadlines (logged without a policy version). */
const NO_SLA = { acknowledge: { met: 0, missed: 0, rate: 0 }, resolve: { met: 0, missed: 0, rate: 0 }, feedBack: { met: 0, missed: 0, rate: 0 } };

const resolvedAfter = (days: number, start = T0): Steps => [['log', start], ['refer', after(start, Math.min(days, 1) / 2)], ['resolve', after(start, days)]];

describe.each(HARNESS_STORES)('KPIs over the issues projection, on %s', (kind) => {
  let harness: ProjectionHarness;
  let issues = 0;
  /** Each issue's events, as given. */
  const histories = new Map<string, IssueEvent[]>();
  beforeEach(async () => {
    histories.clear();
    harness = await ProjectionHarness.open([issuesProjection({ serviceLevels: fixedServiceLevels() })], kind);
  });
  afterEach(() => harness.close());

  /** Given an issue with this history (its own reference), returns its id. */
  async function given(steps: Steps, logged: Partial<LogIssueData> = {}, overrides: Partial<Record<CommandName, object>> = {}): Promise<string> {
    const id = newIssueId();
    issues += 1;
    const events = history(steps, { reference: `TROW-2026-${String(issues).padStart(5, '0')}`, ...logged }, overrides);
    histories.set(id, events);
    await harness.given(id, events);
    return id;
  }

  async function kpis(filter: KpiFilter = {}, now = NOW) {
    await harness.settle();
    return computeKpis(harness.db, filter, now);
  }

  const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

  it('given no issues, then zeros, rates of 0, no medians, no months', async () => {
    expect(ISSUE_STATUSES).toEqual(expect.arrayContaining(['logged', 'referred', 'boardReview', 'roundtable', 'resolved', 'fedBack', 'withdrawn']));
    expect(await kpis()).toEqual({
      raised: 0,
      byChannel: { online: 0, email: 0, phone: 0, letter: 0, meeting: 0 },
      electronicShare: 0,
      byStatus: zeros(ISSUE_STATUSES),
      resolved: 0,
      resolutionRate: 0,
      medianDaysToResolve: null,
      p90DaysToResolve: null,
      fedBackRate: 0,
      medianDaysToFeedBack: null,
      confirmedRate: 0,
      disputedRate: 0,
      boardReviews: 0,
      roundtableRate: 0,
      overdue: 0,
      monthly: [],
      sla: NO_SLA,
      medianWorkingDaysToResolve: null,
    });
    expect((await resolutionTimes(harness.db, {})).map((bucket) => bucket.count)).toEqual([0, 0, 0, 0, 0]);
    expect(await officerKpis(harness.db, {}, NOW)).toEqual([]);
  });

  it('given issues in every status, then counts by status, resolved and a resolution rate without the withdrawn', async () => {
    await given([['log', T0]]);
    await given([['log', T0]]);
    await given([['log', T0], ['refer', after(T0, 1)]]);
    await given([['log', T0], ['board-review', after(T0, 1)]]);
    await given([['log', T0], ['board-review', after(T0, 1)], ['roundtable', after(T0, 2)]]);
    await given([['log', T0], ['refer', after(T0, 1)], ['resolve', after(T0, 2)]]);
    await given([['log', T0], ['refer', after(T0, 1)], ['resolve', after(T0, 2)], ['feed-back', after(T0, 3)]]);
    await given([['log', T0], ['withdraw', after(T0, 1)]]);
    const figures = await kpis();
    expect(figures.raised).toBe(8);
    expect(figures.byStatus).toEqual({ ...zeros(ISSUE_STATUSES), logged: 2, referred: 1, boardReview: 1, roundtable: 1, resolved: 1, fedBack: 1, withdrawn: 1 });
    expect(figures.resolved).toBe(2);
    // 2 resolved / (8 raised − 1 withdrawn) = 0.285714… → 0.2857
    expect(figures.resolutionRate).toBe(0.2857);
    // 1 fed back / 2 resolved
    expect(figures.fedBackRate).toBe(0.5);
  });

  it('given only withdrawn issues, then every rate whose divisor is 0 is 0', async () => {
    await given([['log', T0], ['withdraw', after(T0, 1)]]);
    await given([['log', T0], ['withdraw', after(T0, 2)]]);
    const figures = await kpis();
    expect(figures).toMatchObject({ raised: 2, resolved: 0, resolutionRate: 0, fedBackRate: 0, boardReviews: 0, roundtableRate: 0 });
    expect(figures.byStatus.withdrawn).toBe(2);
    expect(figures.medianDaysToResolve).toBeNull();
  });

  it('given issues by every channel, then counts by channel and the electronic share (online + email)', async () => {
    for (const channel of ['online', 'email', 'email', 'phone', 'letter', 'meeting', 'meeting'] as const) await given([['log', T0]], { channel });
    const figures = await kpis();
    expect(figures.byChannel).toEqual({ online: 1, email: 2, phone: 1, letter: 1, meeting: 2 });
    // (1 + 2) / 7 = 0.428571… → 0.4286
    expect(figures.electronicShare).toBe(0.4286);
  });

  it('given an even count of resolutions, then the median is the lower middle value and the 90th percentile the ceil(0.9 n)-th', async () => {
    // 10 issues resolved after 1.125, 2.125, …, 10.125 days (3-hour fractions are exact).
    for (let i = 10; i >= 1; i--) await given(resolvedAfter(i + 0.125));
    const figures = await kpis();
    // median: rank ceil(5) = 5 → 5.125 → 5.13; p90: rank ceil(9) = 9 → 9.125 → 9.13
    expect(figures.medianDaysToResolve).toBe(5.13);
    expect(figures.p90DaysToResolve).toBe(9.13);

    // An 11th, slower than all: median rank ceil(5.5) = 6 → 6.125; p90 rank ceil(9.9) = 10 → 10.125.
    await given(resolvedAfter(20));
    const eleven = await kpis();
    expect(eleven.medianDaysToResolve).toBe(6.13);
    expect(eleven.p90DaysToResolve).toBe(10.13);
  });

  it('given 4 then 5 resolutions, then the median of 4 is the 2nd smallest and of 5 the 3rd', async () => {
    for (const days of [4, 1, 3, 2]) await given(resolvedAfter(days));
    expect(await kpis()).toMatchObject({ medianDaysToResolve: 2, p90DaysToResolve: 4 });
    await given(resolvedAfter(1 / 3));
    // sorted 0.333…, 1, 2, 3, 4: median rank 3 → 2; p90 rank ceil(4.5) = 5 → 4
    expect(await kpis()).toMatchObject({ medianDaysToResolve: 2, p90DaysToResolve: 4 });
  });

  it('given one resolution after 8 hours, then both percentiles are that, to 2 decimals', async () => {
    await given(resolvedAfter(1 / 3));
    expect(await kpis()).toMatchObject({ medianDaysToResolve: 0.33, p90DaysToResolve: 0.33 });
  });

  it('given an issue resolved, fed back, reopened and resolved again, then its first resolution and feedback count', async () => {
    await given([
      ['log', T0],
      ['refer', after(T0, 1)],
      ['resolve', after(T0, 2.5)],
      ['feed-back', after(T0, 3.75)],
      ['reopen', after(T0, 5)],
      ['refer', after(T0, 6)],
      ['resolve', after(T0, 40)],
    ]);
    const figures = await kpis();
    expect(figures).toMatchObject({ resolved: 1, medianDaysToResolve: 2.5, p90DaysToResolve: 2.5, medianDaysToFeedBack: 1.25 });
    // Now resolved, no longer fed back.
    expect(figures.fedBackRate).toBe(0);
    expect(figures.monthly).toEqual([{ month: '2026-03', raised: 1, resolved: 1 }]);
  });

  it('given feedback on some resolutions, then the fed-back rate and the median days from first resolution to feedback', async () => {
    await given([['log', T0], ['refer', after(T0, 1)], ['resolve', after(T0, 2)], ['feed-back', after(T0, 2.5)]]);
    await given([['log', T0], ['refer', after(T0, 1)], ['resolve', after(T0, 3)], ['feed-back', after(T0, 6)]]);
    await given([['log', T0], ['refer', after(T0, 1)], ['resolve', after(T0, 4)], ['feed-back', after(T0, 5.25)]]);
    await given([['log', T0], ['refer', after(T0, 1)], ['resolve', after(T0, 5)]]);
    const figures = await kpis();
    // 3 fed back / 4 resolved; feedback after 0.5, 3, 1.25 days: sorted 0.5, 1.25, 3, median rank 2
    expect(figures.fedBackRate).toBe(0.75);
    expect(figures.medianDaysToFeedBack).toBe(1.25);
  });

  it('given residents confirming and disputing outcomes, then the shares of issues ever fed back confirmed and disputed at least once, per area', async () => {
    const fedBack: Steps = [['log', T0], ['refer', after(T0, 1)], ['resolve', after(T0, 2)], ['feed-back', after(T0, 3)]];
    const again: Steps = [['refer', after(T0, 5)], ['resolve', after(T0, 6)], ['feed-back', after(T0, 7)]];
    const confirm = { 'record-confirmation': { confirmed: true, channel: 'phone' } };
    const dispute = { 'record-confirmation': { confirmed: false, reason: 'Still broken', channel: 'letter' } };
    // Trowbridge: 7 ever fed back, 2 confirmed (one twice), 3 disputed (one twice), and one only resolved.
    await given([...fedBack, ['record-confirmation', after(T0, 4)]], {}, confirm);
    await given([...fedBack, ['record-confirmation', after(T0, 4)], ['record-confirmation', after(T0, 4.5)]], {}, confirm);
    await given([...fedBack, ['record-confirmation', after(T0, 4)], ...again], {}, dispute);
    await given([...fedBack, ['record-confirmation', after(T0, 4)], ...again, ['record-confirmation', after(T0, 8)]], {}, dispute);
    await given([...fedBack, ['record-confirmation', after(T0, 4)], ['withdraw', after(T0, 5)]], {}, dispute);
    await given(fedBack);
    await given(fedBack);
    await given(resolvedAfter(2));
    // Calne: the one fed back disputed.
    await given([...fedBack, ['record-confirmation', after(T0, 4)]], { areaId: 'calne' }, dispute);

    // 2 / 7 = 0.285714… and 3 / 7 = 0.428571…
    expect(await kpis({ areaId: 'trowbridge' })).toMatchObject({ confirmedRate: 0.2857, disputedRate: 0.4286 });
    expect(await kpis({ areaId: 'calne' })).toMatchObject({ confirmedRate: 0, disputedRate: 1 });
    // 2 / 8 and 4 / 8.
    expect(await kpis()).toMatchObject({ confirmedRate: 0.25, disputedRate: 0.5 });
    const rows = await areaKpis(harness.db, ['trowbridge', 'calne', 'devizes'], {}, NOW);
    expect(rows.map(({ areaId, confirmedRate, disputedRate }) => ({ areaId, confirmedRate, disputedRate }))).toEqual([
      { areaId: 'trowbridge', confirmedRate: 0.2857, disputedRate: 0.4286 },
      { areaId: 'calne', confirmedRate: 0, disputedRate: 1 },
      { areaId: 'devizes', confirmedRate: 0, disputedRate: 0 },
    ]);
    // A period cut inside the month (counted from the rows, not the aggregate) gives the same.
    expect(await kpis({ from: after(T0, -0.5), to: after(T0, 0.5) })).toMatchObject({ confirmedRate: 0.25, disputedRate: 0.5 });
    const issuesGiven = [...histories.values()].map((events) => naiveIssueOf(events, [SAMPLE_POLICY]));
    expect(await kpis()).toEqual(naiveKpis(issuesGiven, {}, NOW));
  });

  it('given board reviews, then how many ever reached one and the share of those that went on to a roundtable', async () => {
    await given([['log', T0], ['board-review', after(T0, 1)], ['roundtable', after(T0, 2)], ['resolve', after(T0, 3)]]);
    await given([['log', T0], ['board-review', after(T0, 1)], ['refer', after(T0, 2)]]);
    await given([['log', T0], ['board-review', after(T0, 1)], ['withdraw', after(T0, 2)]]);
    await given([['log', T0], ['refer', after(T0, 1)], ['board-review', after(T0, 2)]]);
    await given([['log', T0], ['refer', after(T0, 1)]]);
    const figures = await kpis();
    expect(figures.boardReviews).toBe(4);
    // 1 roundtable / 4 board reviews
    expect(figures.roundtableRate).toBe(0.25);
  });

  it("given open issues with a dueBy, then overdue once the dueBy day is over in London, and never when closed", async () => {
    const may = '2026-05-04T09:00:00.000Z';
    await given([['log', may], ['assign', after(may, 1)]], {}, { assign: { officer: 'officer-1', dueBy: '2026-06-10' } });
    await given([['log', may], ['assign', after(may, 1)]], {}, { assign: { officer: 'officer-1', dueBy: '2026-06-30' } });
    await given([['log', may], ['assign', after(may, 1)], ['refer', after(may, 2)], ['resolve', after(may, 3)]], {}, { assign: { officer: 'officer-1', dueBy: '2026-06-01' } });
    await given([['log', may], ['assign', after(may, 1)], ['withdraw', after(may, 2)]], {}, { assign: { officer: 'officer-1', dueBy: '2026-06-01' } });
    await given([['log', may]]);
    expect((await kpis({}, new Date('2026-06-10T12:00:00.000Z'))).overdue).toBe(0);
    // 23:30 UTC on 10 June is 00:30 on 11 June in London (BST): the 10th is over.
    expect((await kpis({}, new Date('2026-06-10T23:30:00.000Z'))).overdue).toBe(1);
    expect((await kpis({}, new Date('2026-07-01T09:00:00.000Z'))).overdue).toBe(2);
  });

  it('given issues over several months, then raised by month logged and resolved by month of first resolution, in UTC', async () => {
    await given([['log', '2026-01-20T10:00:00.000Z'], ['refer', '2026-01-21T10:00:00.000Z'], ['resolve', '2026-02-05T10:00:00.000Z']]);
    await given([
      ['log', '2026-02-01T10:00:00.000Z'],
      ['refer', '2026-02-02T10:00:00.000Z'],
      ['resolve', '2026-02-10T10:00:00.000Z'],
      ['feed-back', '2026-02-11T10:00:00.000Z'],
      ['reopen', '2026-03-02T10:00:00.000Z'],
    ]);
    await given([['log', '2026-03-15T10:00:00.000Z']]);
    // 00:30 on 1 May in London, still April in UTC.
    await given([['log', '2026-04-30T23:30:00.000Z']]);
    await given([['log', '2026-05-20T10:00:00.000Z'], ['refer', '2026-05-21T10:00:00.000Z'], ['resolve', '2026-07-03T10:00:00.000Z']]);
    const figures = await kpis();
    expect(figures.monthly).toEqual([
      { month: '2026-01', raised: 1, resolved: 0 },
      // The reopened issue's first resolution still counts in February (a fact of history).
      { month: '2026-02', raised: 1, resolved: 2 },
      { month: '2026-03', raised: 1, resolved: 0 },
      { month: '2026-04', raised: 1, resolved: 0 },
      { month: '2026-05', raised: 1, resolved: 0 },
      { month: '2026-07', raised: 0, resolved: 1 },
    ]);
    // Now resolved: the first and the last, not the reopened one.
    expect(figures.resolved).toBe(2);
  });

  describe('filters', () => {
    const jan = '2026-01-10T08:00:00.000Z';
    const feb = '2026-02-10T08:00:00.000Z';
    const mar = '2026-03-10T08:00:00.000Z';
    beforeEach(async () => {
      await given([['log', jan], ['refer', after(jan, 1)], ['resolve', after(jan, 2)]], { areaId: 'trowbridge', channel: 'email' });
      await given([['log', feb]], { areaId: 'trowbridge', channel: 'phone' });
      await given([['log', feb], ['refer', after(feb, 1)], ['resolve', after(feb, 4)]], { areaId: 'calne', channel: 'online' });
      await given([['log', mar]], { areaId: 'devizes', channel: 'letter' });
    });

    it('by area: one area, or only the areas a caller serves', async () => {
      expect(await kpis({ areaId: 'calne' })).toMatchObject({ raised: 1, resolved: 1, medianDaysToResolve: 4, byChannel: { online: 1, email: 0 } });
      const served = await kpis({ areas: ['trowbridge', 'devizes'] });
      expect(served).toMatchObject({ raised: 3, resolved: 1, medianDaysToResolve: 2, electronicShare: 0.3333 });
      expect(served.monthly).toEqual([
        { month: '2026-01', raised: 1, resolved: 1 },
        { month: '2026-02', raised: 1, resolved: 0 },
        { month: '2026-03', raised: 1, resolved: 0 },
      ]);
      expect(await kpis({ areas: ['trowbridge'], areaId: 'calne' })).toMatchObject({ raised: 0 });
      expect(await kpis({ areas: [] })).toMatchObject({ raised: 0, monthly: [] });
    });

    it('by loggedAt in [from, to): from included, to excluded', async () => {
      expect(await kpis({ from: feb })).toMatchObject({ raised: 3, resolved: 1, medianDaysToResolve: 4 });
      expect(await kpis({ to: feb })).toMatchObject({ raised: 1, resolved: 1, medianDaysToResolve: 2 });
      const february = await kpis({ from: feb, to: mar });
      expect(february).toMatchObject({ raised: 2, byChannel: { phone: 1, online: 1 }, resolutionRate: 0.5 });
      expect(february.monthly).toEqual([{ month: '2026-02', raised: 2, resolved: 1 }]);
      expect(await kpis({ areaId: 'trowbridge', from: feb, to: mar })).toMatchObject({ raised: 1, resolved: 0, medianDaysToResolve: null });
    });

    it('per area: a row for each area asked for, in that order, an area without issues all zeros', async () => {
      await harness.settle();
      const rows = await areaKpis(harness.db, ['devizes', 'trowbridge', 'calne', 'pewsey'], { to: mar }, NOW);
      expect(rows.map(({ areaId, raised, resolved, medianDaysToResolve }) => ({ areaId, raised, resolved, medianDaysToResolve }))).toEqual([
        { areaId: 'devizes', raised: 0, resolved: 0, medianDaysToResolve: null },
        { areaId: 'trowbridge', raised: 2, resolved: 1, medianDaysToResolve: 2 },
        { areaId: 'calne', raised: 1, resolved: 1, medianDaysToResolve: 4 },
        { areaId: 'pewsey', raised: 0, resolved: 0, medianDaysToResolve: null },
      ]);
    });
  });

  it("given officers assigned, then each current officer's assigned, resolved and overdue issues, sorted by officer", async () => {
    const may = '2026-05-04T09:00:00.000Z';
    const assign = (officer: string, dueBy = '2026-06-01') => ({ assign: { officer, dueBy } });
    await given([['log', may], ['assign', after(may, 1)]], {}, assign('officer-9'));
    await given([['log', may], ['assign', after(may, 1)], ['refer', after(may, 2)], ['resolve', after(may, 3)]], {}, assign('officer-9'));
    await given([['log', may], ['assign', after(may, 1)]], {}, assign('officer-10', '2026-12-01'));
    await given([['log', may], ['assign', after(may, 1)]], { areaId: 'calne' }, assign('Officer-Z'));
    await given([['log', may]]);
    // Reassigned: only the current officer counts it.
    const id = await given([['log', may], ['assign', after(may, 1)]], {}, assign('officer-10'));
    await harness.given(id, history([['log', may], ['assign', after(may, 1)], ['assign', after(may, 2)]], {}, assign('officer-9')).slice(2));
    await harness.settle();
    const now = new Date('2026-07-01T09:00:00.000Z');
    expect(await officerKpis(harness.db, {}, now)).toEqual([
      { officer: 'Officer-Z', assigned: 1, resolved: 0, overdue: 1, sla: NO_SLA },
      { officer: 'officer-10', assigned: 1, resolved: 0, overdue: 0, sla: NO_SLA },
      { officer: 'officer-9', assigned: 3, resolved: 1, overdue: 2, sla: NO_SLA },
    ]);
    expect(await officerKpis(harness.db, { areaId: 'calne' }, now)).toEqual([{ officer: 'Officer-Z', assigned: 1, resolved: 0, overdue: 1, sla: NO_SLA }]);
  });

  it('given resolutions of many lengths, then buckets [0,1), [1,7), [7,30), [30,90), [90,∞) of days to first resolution', async () => {
    for (const days of [0.5, 1, 6.875, 7, 29.5, 30, 90, 120]) await given(resolvedAfter(days));
    await given([['log', T0], ['refer', after(T0, 1)]]);
    await harness.settle();
    expect(await resolutionTimes(harness.db, {})).toEqual([
      { label: '< 1 day', from: 0, to: 1, count: 1 },
      { label: '1–7 days', from: 1, to: 7, count: 2 },
      { label: '7–30 days', from: 7, to: 30, count: 2 },
      { label: '30–90 days', from: 30, to: 90, count: 1 },
      { label: '> 90 days', from: 90, to: null, count: 2 },
    ]);
    expect((await resolutionTimes(harness.db, { areaId: 'calne' })).map((bucket) => bucket.count)).toEqual([0, 0, 0, 0, 0]);
  });
  describe('the count aggregate beside the rows', () => {
    interface CountRow {
      area_id: string;
      logged_month: string;
      fact: string;
      value: string;
      n: number;
    }
    const byKey = (a: CountRow, b: CountRow) => JSON.stringify([a.area_id, a.logged_month, a.fact, a.value]).localeCompare(JSON.stringify([b.area_id, b.logged_month, b.fact, b.value]));
    const counted = (rows: Array<Omit<CountRow, 'n'> & { n: unknown }>) => rows.map((row) => ({ ...row, n: Number(row.n) })).sort(byKey);
    const aggregate = async () => counted(await harness.rows('SELECT area_id, logged_month, fact, value, n FROM issue_counts'));
    /** The aggregate recounted from the rows, written here from the KPI definitions rather than taken from the projection. */
    const recount = async () =>
      counted(
        await harness.rows(`
          SELECT area_id, substr(logged_at, 1, 7) AS logged_month, 'status' AS fact, status AS value, count(*) AS n FROM issues GROUP BY 1, 2, 4
          UNION ALL SELECT area_id, substr(logged_at, 1, 7), 'channel', channel, count(*) FROM issues GROUP BY 1, 2, 4
          UNION ALL SELECT area_id, substr(logged_at, 1, 7), 'boardReview', '', count(*) FROM issues WHERE reached_board_review = 1 GROUP BY 1, 2
          UNION ALL SELECT area_id, substr(logged_at, 1, 7), 'roundtable', '', count(*) FROM issues WHERE reached_roundtable = 1 GROUP BY 1, 2
          UNION ALL SELECT area_id, substr(logged_at, 1, 7), 'firstResolved', substr(first_resolved_at, 1, 7), count(*) FROM issues WHERE first_resolved_at IS NOT NULL GROUP BY 1, 2, 4
          UNION ALL SELECT area_id, substr(logged_at, 1, 7), 'firstFedBack', '', count(*) FROM issues WHERE first_fed_back_at IS NOT NULL GROUP BY 1, 2
          UNION ALL SELECT area_id, substr(logged_at, 1, 7), 'confirmed', '', count(*) FROM issues WHERE first_confirmed_at IS NOT NULL GROUP BY 1, 2
          UNION ALL SELECT area_id, substr(logged_at, 1, 7), 'disputed', '', count(*) FROM issues WHERE first_disputed_at IS NOT NULL GROUP BY 1, 2`),
      );

    /** An issue whose history arrives in stages, each applied as a page of its own (rows updated, not only inserted). */
    async function givenInStages(stages: Steps[], logged: Partial<LogIssueData> = {}): Promise<string> {
      const id = newIssueId();
      const reference = `TROW-2026-${String((issues += 1)).padStart(5, '0')}`;
      let steps: Steps = [];
      for (const stage of stages) {
        const known = steps.length === 0 ? 0 : history(steps, { reference, ...logged }).length;
        steps = [...steps, ...stage];
        await harness.given(id, history(steps, { reference, ...logged }).slice(known));
        await harness.settle();
      }
      return id;
    }

    async function rebuild(): Promise<void> {
      const [before] = await generationsOf(harness.db, 'issues');
      await harness.host.requestRebuild('issues');
      const deadline = Date.now() + 10_000;
      while (!(await generationsOf(harness.db, 'issues')).some((row) => row.active && row.generation > before.generation)) {
        if (Date.now() > deadline) throw new Error('the rebuild did not swap in');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await harness.settle();
    }

    it('given a reopening, a re-resolution and a withdrawal over several pages, then it holds the recount of the rows, no zeros, and a rebuild gives the same', async () => {
      const jan = '2026-01-12T09:00:00.000Z';
      await givenInStages(
        [[['log', jan]], [['refer', after(jan, 1)], ['resolve', after(jan, 3)]], [['feed-back', after(jan, 4)]], [['reopen', after(jan, 30)]], [['refer', after(jan, 31)], ['resolve', after(jan, 45)]]],
        { channel: 'email' },
      );
      await givenInStages([[['log', jan]], [['board-review', after(jan, 2)]], [['roundtable', after(jan, 5)]], [['withdraw', after(jan, 6)]]], { channel: 'phone' });
      // Alone in its area and month: its count as logged goes to 0, and the row with it.
      await givenInStages([[['log', '2026-02-03T10:00:00.000Z']], [['refer', '2026-02-04T10:00:00.000Z']]], { areaId: 'calne', channel: 'online' });
      // Fed back in one page, confirmed by the resident in the next.
      const feb = '2026-02-09T10:00:00.000Z';
      await givenInStages([[['log', feb], ['refer', after(feb, 1)], ['resolve', after(feb, 2)], ['feed-back', after(feb, 3)]], [['record-confirmation', after(feb, 4)]]], {
        areaId: 'devizes',
        channel: 'letter',
      });

      const live = await aggregate();
      // By hand: the first is resolved again (first resolved 15 January, fed back 16 January),
      // the second withdrawn after a board review and a roundtable, the third referred.
      expect(live).toEqual(
        [
          { area_id: 'calne', logged_month: '2026-02', fact: 'channel', value: 'online', n: 1 },
          { area_id: 'calne', logged_month: '2026-02', fact: 'status', value: 'referred', n: 1 },
          { area_id: 'devizes', logged_month: '2026-02', fact: 'channel', value: 'letter', n: 1 },
          { area_id: 'devizes', logged_month: '2026-02', fact: 'confirmed', value: '', n: 1 },
          { area_id: 'devizes', logged_month: '2026-02', fact: 'firstFedBack', value: '', n: 1 },
          { area_id: 'devizes', logged_month: '2026-02', fact: 'firstResolved', value: '2026-02', n: 1 },
          { area_id: 'devizes', logged_month: '2026-02', fact: 'status', value: 'fedBack', n: 1 },
          { area_id: 'trowbridge', logged_month: '2026-01', fact: 'boardReview', value: '', n: 1 },
          { area_id: 'trowbridge', logged_month: '2026-01', fact: 'channel', value: 'email', n: 1 },
          { area_id: 'trowbridge', logged_month: '2026-01', fact: 'channel', value: 'phone', n: 1 },
          { area_id: 'trowbridge', logged_month: '2026-01', fact: 'firstFedBack', value: '', n: 1 },
          { area_id: 'trowbridge', logged_month: '2026-01', fact: 'firstResolved', value: '2026-01', n: 1 },
          { area_id: 'trowbridge', logged_month: '2026-01', fact: 'roundtable', value: '', n: 1 },
          { area_id: 'trowbridge', logged_month: '2026-01', fact: 'status', value: 'resolved', n: 1 },
          { area_id: 'trowbridge', logged_month: '2026-01', fact: 'status', value: 'withdrawn', n: 1 },
        ].sort(byKey),
      );
      expect(live).toEqual(await recount());

      await rebuild();
      expect(await aggregate()).toEqual(live);
      expect(await recount()).toEqual(live);
    });

    it('given issues across months, then figures for a from/to that is not month-aligned equal those counted row by row', async () => {
      const plans: Array<[string, Steps, Partial<LogIssueData>]> = [
        ['2026-01-01T00:00:00.000Z', [['refer', '2026-01-02T00:00:00.000Z'], ['resolve', '2026-02-03T12:00:00.000Z']], { channel: 'online' }],
        ['2026-01-04T08:00:00.000Z', [['board-review', '2026-01-05T08:00:00.000Z']], { channel: 'email', areaId: 'calne' }],
        ['2026-01-17T10:30:00.000Z', [['refer', '2026-01-18T10:30:00.000Z'], ['resolve', '2026-01-20T10:30:00.000Z'], ['feed-back', '2026-01-21T00:00:00.000Z']], { channel: 'phone' }],
        ['2026-01-29T22:00:00.000Z', [['withdraw', '2026-01-30T22:00:00.000Z']], { channel: 'letter' }],
        ['2026-01-31T23:59:59.999Z', [['refer', '2026-02-01T00:00:00.000Z'], ['resolve', '2026-03-01T00:00:00.000Z']], { channel: 'meeting', areaId: 'calne' }],
        ['2026-02-01T00:00:00.000Z', [['board-review', '2026-02-02T00:00:00.000Z'], ['roundtable', '2026-02-09T00:00:00.000Z']], { channel: 'online' }],
        ['2026-02-14T12:00:00.000Z', [['refer', '2026-02-15T12:00:00.000Z'], ['resolve', '2026-02-16T00:00:00.000Z'], ['feed-back', '2026-02-20T00:00:00.000Z']], { channel: 'email', areaId: 'devizes' }],
        ['2026-02-27T06:00:00.000Z', [], { channel: 'phone' }],
        ['2026-03-02T09:00:00.000Z', [['refer', '2026-03-03T09:00:00.000Z'], ['resolve', '2026-04-10T09:00:00.000Z']], { channel: 'online', areaId: 'calne' }],
        ['2026-03-19T09:00:00.000Z', [['refer', '2026-03-20T09:00:00.000Z']], { channel: 'email' }],
        ['2026-03-30T15:00:00.000Z', [['refer', '2026-03-31T09:00:00.000Z'], ['resolve', '2026-04-01T09:00:00.000Z'], ['feed-back', '2026-04-03T09:00:00.000Z']], { channel: 'online' }],
        ['2026-04-02T09:00:00.000Z', [], { channel: 'letter', areaId: 'devizes' }],
      ];
      for (const [loggedAt, steps, logged] of plans) await given([['log', loggedAt], ...steps], { policyVersion: SAMPLE_POLICY.version, ...logged });
      await harness.settle();
      const issuesGiven = [...histories.values()].map((events) => naiveIssueOf(events, [SAMPLE_POLICY]));
      const periods: KpiFilter[] = [
        // Late in a month (its rows added) and early in one (the whole month, less the rows outside).
        { from: '2026-01-17T10:30:00.000Z' },
        { from: '2026-01-04T08:00:00.000Z', to: '2026-03-30T15:00:00.000Z' },
        { from: '2026-01-29T22:00:00.000Z', to: '2026-03-02T09:00:00.000Z' },
        { to: '2026-02-14T12:00:00.000Z' },
        // A millisecond either side of a month's start; inside one month; month-aligned.
        { from: '2026-01-31T23:59:59.999Z', to: '2026-02-01T00:00:00.001Z' },
        { from: '2026-02-10T00:00:00.000Z', to: '2026-02-28T00:00:00.000Z' },
        { from: '2026-02-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' },
        { from: '2026-01-02T00:00:00.000Z', to: '2026-03-31T00:00:00.000Z', areaId: 'calne' },
        { from: '2026-01-20T00:00:00.000Z', to: '2026-04-05T00:00:00.000Z', areas: ['trowbridge', 'devizes'] },
      ];
      for (const period of periods) expect({ period, figures: await kpis(period) }).toEqual({ period, figures: naiveKpis(issuesGiven, period, NOW) });
      // By hand: 4 January 08:00 to 30 March 15:00 (excluded) holds 9 of the 12, from 17 January 10:30 on, 8.
      expect((await kpis({ from: '2026-01-04T08:00:00.000Z', to: '2026-03-30T15:00:00.000Z' })).raised).toBe(9);
      expect((await kpis({ from: '2026-01-17T10:30:00.000Z', to: '2026-03-30T15:00:00.000Z' })).raised).toBe(8);
    });
  });
});
