import { loadAreas } from '../../../api/src/config/areas';
import { planDemo } from './demoPlan';
import type { DemoIssue } from './demoIssue';

const AREAS = loadAreas(undefined);
const DAY = 24 * 60 * 60 * 1000;

// The contract's command table, written out here independently of the lifecycle machine.
const FROM: Record<string, readonly string[]> = {
  refer: ['logged', 'boardReview'],
  'board-review': ['logged', 'referred'],
  roundtable: ['boardReview'],
  resolve: ['referred', 'boardReview', 'roundtable'],
  'feed-back': ['resolved'],
  reopen: ['fedBack'],
  withdraw: ['logged', 'referred', 'boardReview', 'roundtable'],
  assign: ['logged', 'referred', 'boardReview', 'roundtable'],
  notes: ['logged', 'referred', 'boardReview', 'roundtable', 'resolved', 'fedBack'],
};
const TO: Record<string, string | null> = {
  refer: 'referred',
  'board-review': 'boardReview',
  roundtable: 'roundtable',
  resolve: 'resolved',
  'feed-back': 'fedBack',
  reopen: 'logged',
  withdraw: 'withdrawn',
  assign: null,
  notes: null,
};
const OPEN = ['logged', 'referred', 'boardReview', 'roundtable'];

interface Outcome {
  status: string;
  dueBy?: string;
  reopened: boolean;
}

/** Replays an issue's plan through the contract's table, failing on any step the API would refuse. */
function replay(issue: DemoIssue, now: Date): Outcome {
  let status = 'logged';
  let previous = issue.loggedAt.getTime();
  let dueBy: string | undefined;
  let reopened = false;
  expect(previous).toBeLessThanOrEqual(now.getTime());
  for (const step of issue.steps) {
    if (!FROM[step.command].includes(status)) throw new Error(`${step.command} planned while ${status}`);
    expect(step.at.getTime()).toBeGreaterThanOrEqual(previous);
    expect(step.at.getTime()).toBeLessThanOrEqual(now.getTime());
    previous = step.at.getTime();
    if (step.command === 'assign') dueBy = step.body.dueBy as string;
    if (step.command === 'reopen') reopened = true;
    status = TO[step.command] ?? status;
  }
  return { status, dueBy, reopened };
}

function shape(plan: DemoIssue[], now: Date) {
  const outcomes = plan.map((issue) => replay(issue, now));
  const today = now.toISOString().slice(0, 10);
  return {
    done: outcomes.filter((o) => o.status === 'resolved' || o.status === 'fedBack').length / plan.length,
    withdrawn: outcomes.filter((o) => o.status === 'withdrawn').length,
    reopened: outcomes.filter((o) => o.reopened).length,
    overdue: outcomes.filter((o) => o.dueBy !== undefined && o.dueBy < today && OPEN.includes(o.status)).length,
    channels: new Set(plan.map((issue) => issue.intake.channel)),
  };
}

describe('the demo plan', () => {
  it.each(Array.from({ length: 53 }, (_, week) => new Date(Date.UTC(2026, 0, 1, 9) + week * 7 * DAY)))(
    'for 2 months of 30 a month ending %s: every step allowed, in order and past; over half resolved, all channels, withdrawn, reopened and overdue issues',
    (now) => {
      const plan = planDemo({ seed: 1, months: 2, perMonth: 30, areas: AREAS, now });
      expect(plan.length).toBeGreaterThanOrEqual(2 * 30 * 0.9);
      expect(plan.length).toBeLessThanOrEqual(2 * 30 * 1.1);
      const found = shape(plan, now);
      expect(found.done).toBeGreaterThan(0.5);
      expect([...found.channels].sort()).toEqual(['email', 'letter', 'meeting', 'online', 'phone']);
      expect(found.withdrawn).toBeGreaterThan(0);
      expect(found.reopened).toBeGreaterThan(0);
      expect(found.overdue).toBeGreaterThan(0);
    },
  );

  it('raises 100+ issues in each of the 12 months by default, across every channel in a realistic mix, every category and every area, busier towns more', () => {
    const now = new Date('2026-11-24T12:00:00Z');
    const plan = planDemo({ seed: 1, months: 12, perMonth: 120, areas: AREAS, now });
    for (let month = 0; month < 12; month++) {
      const from = new Date(Date.UTC(2025, 10 + month, 24, 12));
      const to = new Date(Date.UTC(2025, 11 + month, 24, 12));
      const inMonth = plan.filter((issue) => issue.loggedAt >= from && issue.loggedAt < to && issue.intake.channel !== 'meeting');
      // Meeting issues are dated to the board meeting, which may fall in the month before.
      expect(inMonth.length).toBeGreaterThanOrEqual(100 * 0.85);
    }
    expect(plan.length).toBeGreaterThanOrEqual(12 * 108);
    const share = (channel: string) => plan.filter((issue) => issue.intake.channel === channel).length / plan.length;
    for (const [channel, expected] of Object.entries({ online: 0.45, email: 0.2, phone: 0.2, letter: 0.05, meeting: 0.1 })) {
      expect(Math.abs(share(channel) - expected)).toBeLessThan(0.04);
    }
    const categories = new Set(plan.map((issue) => issue.intake.category));
    expect(categories.size).toBe(13);
    const perArea = (id: string) => plan.filter((issue) => issue.intake.areaId === id).length;
    expect(new Set(plan.map((issue) => issue.intake.areaId)).size).toBe(AREAS.length);
    expect(perArea('salisbury')).toBeGreaterThan(2 * perArea('pewsey'));
    const found = shape(plan, now);
    expect(plan.filter((issue) => replay(issue, now).status === 'fedBack').length / plan.length).toBeGreaterThan(0.5);
    expect(found.reopened).toBeGreaterThan(10);
    expect(plan.some((issue) => issue.steps.some((step) => step.command === 'roundtable'))).toBe(true);
    expect(plan.some((issue) => issue.steps.some((step) => step.command === 'notes' && step.body.public === true))).toBe(true);
    expect(plan.some((issue) => issue.steps.some((step) => step.command === 'notes' && step.body.public === false))).toBe(true);
  });

  it('takes days to triage, weeks to resolve a referral, and decides board reviews on the meeting date', () => {
    const now = new Date('2026-11-24T12:00:00Z');
    const plan = planDemo({ seed: 1, months: 12, perMonth: 120, areas: AREAS, now });
    const days = (from: Date, to: Date) => (to.getTime() - from.getTime()) / DAY;
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const firstActions = plan.flatMap((issue) => issue.steps.filter((step) => step.command !== 'notes').slice(0, 1).map((step) => days(issue.loggedAt, step.at)));
    expect(median(firstActions)).toBeGreaterThan(0.2);
    expect(median(firstActions)).toBeLessThan(5);
    const referrals = plan.filter((issue) => issue.story === 'referral').flatMap((issue) => {
      const refer = issue.steps.find((step) => step.command === 'refer');
      const resolve = issue.steps.find((step) => step.command === 'resolve');
      return refer && resolve ? [days(refer.at, resolve.at)] : [];
    });
    expect(median(referrals)).toBeGreaterThan(4);
    expect(median(referrals)).toBeLessThan(21);
    for (const issue of plan.filter((candidate) => candidate.story === 'board')) {
      const review = issue.steps.find((step) => step.command === 'board-review');
      const decision = issue.steps.find((step) => ['resolve', 'refer', 'roundtable'].includes(step.command));
      if (!review || !decision) continue;
      const meeting = review.body.meetingDate as string;
      expect(days(review.at, new Date(`${meeting}T18:30:00Z`))).toBeGreaterThanOrEqual(7);
      expect(decision.at.toISOString() >= `${meeting}T18:30`).toBe(true);
      expect(days(new Date(`${meeting}T18:30:00Z`), decision.at)).toBeLessThan(4);
    }
  });

  it('gives the same history for the same seed and moment, the same shape a week later, and another for another seed', () => {
    const now = new Date('2026-06-01T10:00:00Z');
    const plan = (seed: number, at = now) => planDemo({ seed, months: 3, perMonth: 40, areas: AREAS, now: at });
    expect(plan(7)).toEqual(plan(7));
    // A week later the calendar moves the dates, so the order may differ; where and how issues were raised does not (categories follow the season).
    const tally = (issues: DemoIssue[], key: (issue: DemoIssue) => string) =>
      issues.reduce<Record<string, number>>((counts, issue) => ({ ...counts, [key(issue)]: (counts[key(issue)] ?? 0) + 1 }), {});
    const later = plan(7, new Date(now.getTime() + 7 * DAY));
    for (const key of [(i: DemoIssue) => i.intake.channel, (i: DemoIssue) => i.intake.areaId]) {
      expect(tally(later, key)).toEqual(tally(plan(7), key));
    }
    const minorities = (issues: DemoIssue[]) => issues.filter((issue) => !['referral', 'board'].includes(issue.story)).length;
    expect(minorities(later)).toBe(minorities(plan(7)));
    expect(plan(8).map((issue) => issue.intake.title)).not.toEqual(plan(7).map((issue) => issue.intake.title));
  });
});
