import type TestAgent from 'supertest/lib/agent';
import { admin, command, type IssueBody, raise } from './support/issueRequests';
import { eventually } from './support/eventually';
import { bearer, STORES, useTestApp } from './support/testApp';
import bundledAreas from '../config/areas.json';

/**
 * The seed plan: ten issues in three areas, every command backdated by admin to a chosen
 * instant. Every figure below is worked out by hand from this plan, in the comments.
 */
type Step = readonly [command: string, occurredAt: string, body?: Record<string, unknown>];
interface Plan {
  readonly areaId: string;
  readonly channel: string;
  readonly loggedAt: string;
  readonly steps: readonly Step[];
}

const PLAN: Record<string, Plan> = {
  // trowbridge: resolved after 3.5 days, fed back 0.5 days later, confirmed by the resident on the phone.
  A: {
    areaId: 'trowbridge',
    channel: 'online',
    loggedAt: '2026-01-05T09:00:00.000Z',
    steps: [
      ['refer', '2026-01-06T09:00:00.000Z'],
      ['resolve', '2026-01-08T21:00:00.000Z'],
      ['feed-back', '2026-01-09T09:00:00.000Z'],
      ['record-confirmation', '2026-01-12T09:00:00.000Z', { confirmed: true, channel: 'phone' }],
    ],
  },
  // trowbridge: board review, roundtable, resolved after 20 days (in February).
  B: {
    areaId: 'trowbridge',
    channel: 'email',
    loggedAt: '2026-01-20T10:00:00.000Z',
    steps: [['board-review', '2026-01-22T10:00:00.000Z'], ['roundtable', '2026-01-25T10:00:00.000Z'], ['resolve', '2026-02-09T10:00:00.000Z']],
  },
  // trowbridge: first resolved after 2 days, fed back 1.5 days later, disputed by letter (which reopens it), resolved again in March.
  C: {
    areaId: 'trowbridge',
    channel: 'phone',
    loggedAt: '2026-02-02T08:00:00.000Z',
    steps: [
      ['refer', '2026-02-03T08:00:00.000Z'],
      ['resolve', '2026-02-04T08:00:00.000Z'],
      ['feed-back', '2026-02-05T20:00:00.000Z'],
      ['record-confirmation', '2026-02-10T08:00:00.000Z', { confirmed: false, reason: 'The lamp is still out', channel: 'letter' }],
      ['refer', '2026-02-11T08:00:00.000Z'],
      ['resolve', '2026-03-15T08:00:00.000Z'],
    ],
  },
  // trowbridge: board review, then withdrawn.
  D: { areaId: 'trowbridge', channel: 'letter', loggedAt: '2026-02-15T12:00:00.000Z', steps: [['board-review', '2026-02-16T12:00:00.000Z'], ['withdraw', '2026-02-20T12:00:00.000Z']] },
  // trowbridge: assigned to officer-7, due 30 June 2026 (long past), still referred: overdue.
  E: {
    areaId: 'trowbridge',
    channel: 'meeting',
    loggedAt: '2026-03-03T09:00:00.000Z',
    steps: [['assign', '2026-03-04T09:00:00.000Z', { officer: 'officer-7', dueBy: '2026-06-30' }], ['refer', '2026-03-05T09:00:00.000Z']],
  },
  // trowbridge: assigned to officer-7, due in 2099: not overdue.
  F: { areaId: 'trowbridge', channel: 'online', loggedAt: '2026-03-20T09:00:00.000Z', steps: [['assign', '2026-03-21T09:00:00.000Z', { officer: 'officer-7', dueBy: '2099-12-31' }]] },
  // calne: assigned to officer-3 (due 1 Feb), resolved after 0.5 days: not overdue, being resolved.
  G: {
    areaId: 'calne',
    channel: 'online',
    loggedAt: '2026-01-10T09:00:00.000Z',
    steps: [['assign', '2026-01-10T10:00:00.000Z', { officer: 'officer-3', dueBy: '2026-02-01' }], ['refer', '2026-01-10T12:00:00.000Z'], ['resolve', '2026-01-10T21:00:00.000Z']],
  },
  // calne: at board review, for a meeting years ahead (so its resolve deadline stays paused whenever the test runs).
  H: { areaId: 'calne', channel: 'email', loggedAt: '2026-02-25T09:00:00.000Z', steps: [['board-review', '2026-02-26T09:00:00.000Z', { meetingDate: '2036-12-03' }]] },
  // devizes: resolved after 30 days (1 May), fed back 3 days later, confirmed by letter.
  I: {
    areaId: 'devizes',
    channel: 'phone',
    loggedAt: '2026-04-01T09:00:00.000Z',
    steps: [
      ['refer', '2026-04-02T09:00:00.000Z'],
      ['resolve', '2026-05-01T09:00:00.000Z'],
      ['feed-back', '2026-05-04T09:00:00.000Z'],
      ['record-confirmation', '2026-05-06T09:00:00.000Z', { confirmed: true, channel: 'letter' }],
    ],
  },
  // devizes: resolved after 101 days (20 July).
  J: { areaId: 'devizes', channel: 'online', loggedAt: '2026-04-10T09:00:00.000Z', steps: [['refer', '2026-04-11T09:00:00.000Z'], ['resolve', '2026-07-20T09:00:00.000Z']] },
};
// 10 intakes + 28 commands, C's dispute two events (OutcomeDisputed, IssueReopened).
const EVENTS = 39;

async function seed(http: TestAgent): Promise<void> {
  for (const plan of Object.values(PLAN)) {
    let issue: IssueBody = await raise(http, { areaId: plan.areaId, channel: plan.channel, occurredAt: plan.loggedAt }, admin);
    for (const [name, occurredAt, body] of plan.steps) {
      const response = await command(http, issue, name, { occurredAt, ...body }, admin);
      if (response.status !== 200) throw new Error(`${name} failed: ${response.status} ${JSON.stringify(response.body)}`);
      issue = response.body as IssueBody;
    }
  }
}

const STATUSES = { logged: 0, referred: 0, boardReview: 0, roundtable: 0, resolved: 0, fedBack: 0, withdrawn: 0, awaitingResident: 0 };
/** Met and missed deadlines of each kind, with met / (met + missed). */
const sla = (ack: [number, number], resolve: [number, number], feedBack: [number, number]) => {
  const figures = ([met, missed]: [number, number]) => ({ met, missed, rate: met + missed === 0 ? 0 : Math.round((met / (met + missed)) * 10_000) / 10_000 });
  return { acknowledge: figures(ack), resolve: figures(resolve), feedBack: figures(feedBack) };
};
/*
 * Deadlines under the bundled policy (acknowledge 2 working days; resolve 10 for trowbridge
 * highways, 15 for other highways; feed back 5; English bank holidays), judged today (after July
 * 2026, without the scheduler: a running deadline past its day counts missed):
 *   A: all met (resolved on its 3rd working day, fed back the next)       working days to resolve 3
 *   B: resolve due 5 Feb (2 days paused for the board meeting until the roundtable), resolved
 *      9 Feb: missed; feedback due 16 Feb, none: missed                                           14
 *   C: reopened 10 Feb, fresh resolve due 24 Feb, resolved 15 Mar: missed; its feedback due 20 Mar: missed   2 (first resolution)
 *   D: withdrawn before its resolve deadline: stopped, in neither
 *   E: resolve due 17 Mar, still open: missed
 *   F: resolve due 7 Apr (after Good Friday and Easter Monday), still open: missed
 *   G: resolved the day it was logged: met; feedback due 16 Jan, none: missed                     0
 *   H: resolve paused until its board meeting (3 Dec 2036): in neither
 *   I: resolve due 24 Apr, resolved 1 May: missed; fed back 4 May (due 11 May): met              20
 *   J: resolve due 1 May, resolved 20 Jul: missed; feedback due 27 Jul, none: missed             69
 * Every acknowledgement came within two working days.
 */
const CHANNELS = { online: 0, email: 0, phone: 0, letter: 0, meeting: 0 };
const NONE = {
  raised: 0,
  byChannel: CHANNELS,
  electronicShare: 0,
  byStatus: STATUSES,
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
  sla: sla([0, 0], [0, 0], [0, 0]),
  medianWorkingDaysToResolve: null,
};

const ALL = {
  raised: 10,
  // online A F G J, email B H, phone C I, letter D, meeting E
  byChannel: { online: 4, email: 2, phone: 2, letter: 1, meeting: 1 },
  // (4 + 2) / 10
  electronicShare: 0.6,
  byStatus: { ...STATUSES, logged: 1, referred: 1, boardReview: 1, resolved: 4, fedBack: 2, withdrawn: 1 },
  // resolved B C G J + fed back A I
  resolved: 6,
  // 6 / (10 − 1 withdrawn) = 0.6666… → 0.6667
  resolutionRate: 0.6667,
  // first resolutions sorted: G 0.5, C 2, A 3.5, B 20, I 30, J 101 → rank ceil(3) = 3 → 3.5; rank ceil(5.4) = 6 → 101
  medianDaysToResolve: 3.5,
  p90DaysToResolve: 101,
  // 2 fed back now (A, I) / 6 resolved
  fedBackRate: 0.3333,
  // first feedbacks: A 0.5, C 1.5 (kept through its reopening), I 3 → rank 2 → 1.5
  medianDaysToFeedBack: 1.5,
  // ever fed back A C I: confirmed A I, disputed C
  confirmedRate: 0.6667,
  disputedRate: 0.3333,
  // B, D, H; roundtable B only: 1 / 3
  boardReviews: 3,
  roundtableRate: 0.3333,
  // E
  overdue: 1,
  monthly: [
    { month: '2026-01', raised: 3, resolved: 2 }, // raised A B G; first resolved A G
    { month: '2026-02', raised: 3, resolved: 2 }, // raised C D H; first resolved B C
    { month: '2026-03', raised: 2, resolved: 0 }, // raised E F; C's second resolution does not count
    { month: '2026-04', raised: 2, resolved: 0 }, // raised I J
    { month: '2026-05', raised: 0, resolved: 1 }, // I
    { month: '2026-07', raised: 0, resolved: 1 }, // J
  ],
  // resolve met A G, missed B C E F I J; feedback met A I, missed B C G J
  sla: sla([10, 0], [2, 6], [2, 4]),
  // G 0, C 2, A 3, B 14, I 20, J 69: rank 3
  medianWorkingDaysToResolve: 3,
};

const TROWBRIDGE = {
  raised: 6,
  byChannel: { online: 2, email: 1, phone: 1, letter: 1, meeting: 1 },
  // (2 + 1) / 6
  electronicShare: 0.5,
  byStatus: { ...STATUSES, logged: 1, referred: 1, resolved: 2, fedBack: 1, withdrawn: 1 },
  resolved: 3,
  // 3 / (6 − 1)
  resolutionRate: 0.6,
  // C 2, A 3.5, B 20: rank 2 → 3.5; rank ceil(2.7) = 3 → 20
  medianDaysToResolve: 3.5,
  p90DaysToResolve: 20,
  // A / (A B C)
  fedBackRate: 0.3333,
  // A 0.5, C 1.5: rank 1
  medianDaysToFeedBack: 0.5,
  // ever fed back A C: A confirmed, C disputed
  confirmedRate: 0.5,
  disputedRate: 0.5,
  // B, D; roundtable B
  boardReviews: 2,
  roundtableRate: 0.5,
  overdue: 1,
  monthly: [
    { month: '2026-01', raised: 2, resolved: 1 },
    { month: '2026-02', raised: 2, resolved: 2 },
    { month: '2026-03', raised: 2, resolved: 0 },
  ],
  sla: sla([6, 0], [1, 4], [1, 2]),
  // C 2, A 3, B 14: rank 2
  medianWorkingDaysToResolve: 3,
};

const CALNE = {
  ...NONE,
  raised: 2,
  byChannel: { ...CHANNELS, online: 1, email: 1 },
  electronicShare: 1,
  byStatus: { ...STATUSES, resolved: 1, boardReview: 1 },
  resolved: 1,
  resolutionRate: 0.5,
  medianDaysToResolve: 0.5,
  p90DaysToResolve: 0.5,
  boardReviews: 1,
  monthly: [
    { month: '2026-01', raised: 1, resolved: 1 },
    { month: '2026-02', raised: 1, resolved: 0 },
  ],
  sla: sla([2, 0], [1, 0], [0, 1]),
  medianWorkingDaysToResolve: 0,
};

const DEVIZES = {
  ...NONE,
  raised: 2,
  byChannel: { ...CHANNELS, online: 1, phone: 1 },
  electronicShare: 0.5,
  byStatus: { ...STATUSES, resolved: 1, fedBack: 1 },
  resolved: 2,
  resolutionRate: 1,
  // I 30, J 101: rank 1 → 30; rank ceil(1.8) = 2 → 101
  medianDaysToResolve: 30,
  p90DaysToResolve: 101,
  fedBackRate: 0.5,
  medianDaysToFeedBack: 3,
  // I, confirmed
  confirmedRate: 1,
  monthly: [
    { month: '2026-04', raised: 2, resolved: 0 },
    { month: '2026-05', raised: 0, resolved: 1 },
    { month: '2026-07', raised: 0, resolved: 1 },
  ],
  sla: sla([2, 0], [0, 2], [1, 1]),
  // I 20, J 69: rank 1
  medianWorkingDaysToResolve: 20,
};

const position = expect.any(Number);

describe.each(STORES)('GET /kpis, the dashboard figures, on %s', (kind) => {
  const api = useTestApp(kind);
  const get = (path: string, auth = admin) => api.http.get(path).set('Authorization', auth);

  beforeAll(() => seed(api.http));

  it('counts every issue: by channel and status, rates, nearest-rank percentiles, overdue and months, within a second of the commands', async () => {
    await eventually(async () => {
      const response = await get('/kpis').expect(200);
      expect(response.body).toEqual({ ...ALL, asOfPosition: position });
      // The last events need not change a figure, so wait for the position too.
      expect(response.body.asOfPosition).toBeGreaterThanOrEqual(EVENTS);
    });
  });

  it('one area', async () => {
    expect((await get('/kpis?areaId=trowbridge').expect(200)).body).toEqual({ ...TROWBRIDGE, asOfPosition: position });
    expect((await get('/kpis?areaId=devizes').expect(200)).body).toEqual({ ...DEVIZES, asOfPosition: position });
    expect((await get('/kpis?areaId=westbury').expect(200)).body).toEqual({ ...NONE, asOfPosition: position });
  });

  it('issues logged in [from, to): dates, and date-times with offsets, from included and to excluded', async () => {
    // February and March: C D H E F.
    expect((await get('/kpis?from=2026-02-01&to=2026-04-01').expect(200)).body).toEqual({
      raised: 5,
      byChannel: { online: 1, email: 1, phone: 1, letter: 1, meeting: 1 },
      electronicShare: 0.4,
      byStatus: { ...STATUSES, logged: 1, referred: 1, boardReview: 1, resolved: 1, withdrawn: 1 },
      resolved: 1,
      // 1 / (5 − 1)
      resolutionRate: 0.25,
      medianDaysToResolve: 2,
      p90DaysToResolve: 2,
      // C is resolved again, no longer fed back
      fedBackRate: 0,
      medianDaysToFeedBack: 1.5,
      // C, fed back and disputed
      confirmedRate: 0,
      disputedRate: 1,
      boardReviews: 2,
      roundtableRate: 0,
      overdue: 1,
      monthly: [
        { month: '2026-02', raised: 3, resolved: 1 },
        { month: '2026-03', raised: 2, resolved: 0 },
      ],
      // resolve missed C E F; C's feedback missed
      sla: sla([5, 0], [0, 3], [0, 1]),
      medianWorkingDaysToResolve: 2,
      asOfPosition: position,
    });
    // 11:00+01:00 is B's loggedAt exactly (included); C's loggedAt is the end (excluded).
    const { body } = await get(`/kpis?from=${encodeURIComponent('2026-01-20T11:00:00+01:00')}&to=2026-02-02T08:00:00.000Z`).expect(200);
    expect(body).toMatchObject({ raised: 1, byChannel: { ...CHANNELS, email: 1 }, medianDaysToResolve: 20 });
    // B was logged in January and first resolved in February.
    expect(body.monthly).toEqual([
      { month: '2026-01', raised: 1, resolved: 0 },
      { month: '2026-02', raised: 0, resolved: 1 },
    ]);
    expect((await get('/kpis?from=2027-01-01').expect(200)).body).toEqual({ ...NONE, asOfPosition: position });
  });

  it('per area: a row for every area of the settings, in their order, zeros included, each with asOfPosition', async () => {
    const { body } = await get('/kpis/areas').expect(200);
    const expected: Record<string, object> = { trowbridge: TROWBRIDGE, calne: CALNE, devizes: DEVIZES };
    expect(body).toEqual(bundledAreas.map(({ id }) => ({ areaId: id, ...(expected[id] ?? NONE), asOfPosition: position })));
    const { body: january } = await get('/kpis/areas?to=2026-02-01').expect(200);
    expect(january.filter((row: { raised: number }) => row.raised > 0).map(({ areaId, raised }: { areaId: string; raised: number }) => ({ areaId, raised }))).toEqual([
      { areaId: 'calne', raised: 1 },
      { areaId: 'trowbridge', raised: 2 },
    ]);
  });

  it("per officer: each current officer's assigned, resolved and overdue issues, sorted by officer", async () => {
    expect((await get('/kpis/officers').expect(200)).body).toEqual([
      // G; E and F
      { officer: 'officer-3', assigned: 1, resolved: 1, overdue: 0, sla: sla([1, 0], [1, 0], [0, 1]) },
      { officer: 'officer-7', assigned: 2, resolved: 0, overdue: 1, sla: sla([2, 0], [0, 2], [0, 0]) },
    ]);
    expect((await get('/kpis/officers?areaId=calne').expect(200)).body).toEqual([{ officer: 'officer-3', assigned: 1, resolved: 1, overdue: 0, sla: sla([1, 0], [1, 0], [0, 1]) }]);
    expect((await get('/kpis/officers?from=2026-03-20').expect(200)).body).toEqual([{ officer: 'officer-7', assigned: 1, resolved: 0, overdue: 0, sla: sla([1, 0], [0, 1], [0, 0]) }]);
  });

  it('the distribution of days to first resolution, in the five buckets', async () => {
    expect((await get('/kpis/resolution-times').expect(200)).body).toEqual({
      buckets: [
        { label: '< 1 day', from: 0, to: 1, count: 1 }, // G 0.5
        { label: '1–7 days', from: 1, to: 7, count: 2 }, // C 2, A 3.5
        { label: '7–30 days', from: 7, to: 30, count: 1 }, // B 20
        { label: '30–90 days', from: 30, to: 90, count: 1 }, // I 30
        { label: '> 90 days', from: 90, to: null, count: 1 }, // J 101
      ],
      asOfPosition: position,
    });
    const { body } = await get('/kpis/resolution-times?areaId=devizes').expect(200);
    expect(body.buckets.map((bucket: { count: number }) => bucket.count)).toEqual([0, 0, 0, 1, 1]);
  });

  it("shows a caller only the areas they serve, and refuses an area they do not serve", async () => {
    const calneViewer = bearer('viewer', ['calne']);
    expect((await get('/kpis', calneViewer).expect(200)).body).toEqual({ ...CALNE, asOfPosition: position });
    await get('/kpis?areaId=trowbridge', calneViewer).expect(403);
    await get('/kpis/officers?areaId=trowbridge', calneViewer).expect(403);
    await get('/kpis/resolution-times?areaId=trowbridge', calneViewer).expect(403);
    expect((await get('/kpis/areas', calneViewer).expect(200)).body).toEqual([{ areaId: 'calne', ...CALNE, asOfPosition: position }]);
    // Two areas: their issues together (G H I J); first resolutions G 0.5, I 30, J 101: rank 2 → 30.
    expect((await get('/kpis', bearer('officer', ['calne', 'devizes'])).expect(200)).body).toMatchObject({ raised: 4, resolved: 3, medianDaysToResolve: 30 });
    expect((await get('/kpis/officers', bearer('areaManager', ['devizes'])).expect(200)).body).toEqual([]);
  });

  it('lets viewers and every staff role in, and anonymous callers not', async () => {
    for (const role of ['viewer', 'auditor', 'areaManager', 'boardChair', 'officer'] as const) {
      expect((await get('/kpis', bearer(role, ['*'])).expect(200)).body.raised).toBe(10);
    }
    for (const path of ['/kpis', '/kpis/areas', '/kpis/officers', '/kpis/resolution-times']) await api.http.get(path).expect(401);
  });

  it('refuses bad queries with 400 naming the field: dates that are not ISO 8601, an unknown area, unknown fields, to before from', async () => {
    const message = async (path: string) => [(await get(path).expect(400)).body.message].flat().join(' ');
    expect(await message('/kpis?from=yesterday')).toMatch(/^from must/);
    expect(await message('/kpis?to=2026-13-01')).toMatch(/^to must/);
    expect(await message('/kpis/areas?from=1%2F2%2F2026')).toMatch(/^from must/);
    expect(await message('/kpis/resolution-times?from=2026-W10-1')).toMatch(/^from must/);
    expect(await message('/kpis?areaId=atlantis')).toMatch(/^areaId must/);
    expect(await message('/kpis/officers?areaId=atlantis')).toMatch(/^areaId must/);
    expect(await message('/kpis?colour=red')).toMatch(/property colour should not exist/);
    expect(await message('/kpis/areas?areaId=calne')).toMatch(/property areaId should not exist/);
    expect(await message('/kpis?from=2026-03-01&to=2026-02-01')).toMatch(/^to must not be before from/);
  });

  it("shows a new command's effect within a second", async () => {
    const before = (await get('/kpis').expect(200)).body;
    const issue = await raise(api.http, { areaId: 'westbury', channel: 'email' }, admin);
    await eventually(async () => {
      const { body } = await get('/kpis?areaId=westbury').expect(200);
      expect(body).toMatchObject({ raised: 1, byChannel: { ...CHANNELS, email: 1 }, electronicShare: 1, monthly: [{ month: String(issue.loggedAt).slice(0, 7), raised: 1, resolved: 0 }] });
      expect(body.asOfPosition).toBeGreaterThan(before.asOfPosition);
    });
    const withdrawn = await command(api.http, issue, 'withdraw', {}, admin).expect(200);
    await eventually(async () => {
      const { body } = await get('/kpis').expect(200);
      expect(body).toMatchObject({ raised: 11, byStatus: { ...ALL.byStatus, withdrawn: 2 }, resolutionRate: ALL.resolutionRate });
      expect(body.asOfPosition).toBeGreaterThanOrEqual(before.asOfPosition + 2);
    });
    expect(withdrawn.body.status).toBe('withdrawn');
  });
});
