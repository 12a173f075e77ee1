import type { Channel } from '@app/lifecycle';
import { addDays, addMinutes, isoDate, nextMeeting, nextWorkingTime } from './demoCalendar';
import type { DraftIssue } from './demoIntake';
import type { DemoCommand, DemoStep, DemoStory } from './demoIssue';
import { BOARD_REPORTS, CATEGORY_TEXTS, INTERNAL_NOTES, LAST_NAMES, PUBLIC_NOTES, REOPEN_REASONS, ROUNDTABLE_PARTNERS, WITHDRAWAL_REASONS } from './demoTexts';
import type { Prng } from './prng';

/**
 * Every random choice an issue's history may need, drawn in one fixed order whatever its story
 * and dates, so that a seed always yields the same shape. Durations are in days, like a real
 * council's: triage in days, referrals resolved in weeks, boards deciding at their monthly meeting.
 */
function drawChoices(rng: Prng) {
  return {
    triage: 0.1 + 2.5 * rng.next() ** 2,
    assigned: rng.chance(0.45),
    dueIn: rng.int(10, 20),
    stalledDueIn: rng.int(8, 12),
    officer: rng.int(0, 1),
    referral: 2 + 30 * rng.next() ** 2.5,
    quickReferral: 4 + 11 * rng.next(),
    feedback: 0.3 + 3.7 * rng.next() ** 2,
    fedBack: rng.chance(0.9),
    decision: rng.weighted({ resolve: 55, refer: 25, roundtable: 20 }),
    recordedNextDay: rng.chance(0.3),
    roundtableIn: rng.int(14, 28),
    resolveAfterRoundtable: rng.int(1, 7),
    partners: rng.sample(ROUNDTABLE_PARTNERS, rng.int(2, 3)),
    councillor: rng.pick(LAST_NAMES),
    report: rng.pick(BOARD_REPORTS),
    withdrawLate: rng.chance(0.5),
    withdrawAfter: rng.int(3, 15),
    withdrawal: rng.pick(WITHDRAWAL_REASONS),
    reopenAfter: rng.int(3, 10),
    reopening: rng.pick(REOPEN_REASONS),
    outcomeIndex: rng.int(0, 9),
    internalNote: rng.chance(0.35),
    internalAt: rng.next(),
    internalText: rng.pick(INTERNAL_NOTES),
    publicNote: rng.chance(0.25),
    publicAt: rng.next(),
    publicText: rng.pick(PUBLIC_NOTES),
  };
}

type Choices = ReturnType<typeof drawChoices>;

/** Collects an issue's commands, each at or after the one before. */
class History {
  readonly steps: DemoStep[] = [];
  constructor(public at: Date) {}

  /** `days` on, at the next moment the office is open. */
  later(days: number): this {
    this.at = nextWorkingTime(addDays(this.at, days));
    return this;
  }

  on(at: Date): this {
    if (at.getTime() > this.at.getTime()) this.at = at;
    return this;
  }

  add(command: DemoCommand, body: Record<string, unknown>): this {
    this.steps.push({ command, at: this.at, body });
    return this;
  }
}

/** The planned commands of one issue, in time order, before truncation at `now`. */
export function stepsFor(rng: Prng, story: DemoStory, draft: DraftIssue, ageDays: number, officers: readonly string[]): DemoStep[] {
  const c = drawChoices(rng);
  const texts = CATEGORY_TEXTS[draft.intake.category as keyof typeof CATEGORY_TEXTS];
  const outcome = texts.outcomes[c.outcomeIndex % texts.outcomes.length];
  const h = new History(draft.loggedAt).later(c.triage);
  const assign = (dueIn: number) => h.add('assign', { officer: officers[c.officer % officers.length], dueBy: isoDate(addDays(h.at, dueIn)) }).later(0.05);
  const refer = () => h.add('refer', { serviceProvider: texts.provider });
  const resolve = (prefix = '') => h.add('resolve', { outcome: `${prefix}${outcome}` });
  const feedBack = () =>
    h.later(c.feedback).add('feed-back', { message: `Dear ${draft.firstName}, ${outcome} Thank you for raising it.`, channel: feedbackChannel(draft.intake.channel) });

  switch (story) {
    case 'referral':
      if (c.assigned) assign(c.dueIn);
      refer().later(c.referral);
      resolve();
      if (c.fedBack) feedBack();
      break;
    case 'board': {
      if (c.assigned) assign(c.dueIn);
      const meeting = nextMeeting(draft.areaIndex, addDays(h.at, 7));
      h.add('board-review', { meetingDate: isoDate(meeting), report: c.report });
      h.on(c.recordedNextDay ? nextWorkingTime(addMinutes(meeting, 14 * 60)) : addMinutes(meeting, 120));
      if (c.decision === 'resolve') resolve('The board agreed: ');
      if (c.decision === 'refer') refer().later(c.referral).add('resolve', { outcome });
      if (c.decision === 'roundtable') {
        const date = nextWorkingTime(addDays(h.at, c.roundtableIn));
        h.add('roundtable', { date: isoDate(date), participants: [`Cllr ${c.councillor}`, ...c.partners, texts.provider] });
        h.on(addDays(date, c.resolveAfterRoundtable)).later(0);
        resolve('Agreed at the roundtable: ');
      }
      if (c.fedBack) feedBack();
      break;
    }
    case 'withdrawn':
      // Withdrawn after referral only where the issue is old enough for it to have happened.
      if (c.withdrawLate && ageDays >= 25) refer().later(c.withdrawAfter);
      h.add('withdraw', { reason: c.withdrawal });
      break;
    case 'reopened':
      refer().later(c.quickReferral);
      resolve();
      feedBack();
      h.later(c.reopenAfter).add('reopen', { reason: c.reopening });
      h.later(1).add('refer', { serviceProvider: texts.provider, note: 'Reopened: second visit needed.' });
      h.later(c.quickReferral).add('resolve', { outcome: `Second visit: ${outcome}` });
      feedBack();
      break;
    case 'stalled':
      assign(c.stalledDueIn);
      refer();
      break;
  }
  return withNotes(h.steps, draft.loggedAt, c);
}

/** Internal and public notes at some point of the issue's life, never after a withdrawal. */
function withNotes(steps: DemoStep[], loggedAt: Date, c: Choices): DemoStep[] {
  const last = steps[steps.length - 1];
  const end = last ? last.at : addDays(loggedAt, 10);
  const noteAt = (fraction: number) => {
    const raw = new Date(loggedAt.getTime() + fraction * (end.getTime() - loggedAt.getTime()));
    const inOffice = nextWorkingTime(raw);
    return last?.command === 'withdraw' && inOffice.getTime() >= last.at.getTime() ? raw : inOffice;
  };
  const notes: DemoStep[] = [];
  if (c.internalNote) notes.push({ command: 'notes', at: noteAt(c.internalAt), body: { text: c.internalText, public: false } });
  if (c.publicNote) notes.push({ command: 'notes', at: noteAt(c.publicAt), body: { text: c.publicText, public: true } });
  // Stable: a note at the same instant as a command stays after it.
  return [...steps, ...notes].sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Back the way the resident came; online residents hear by email. */
const feedbackChannel = (channel: Channel): Channel => (channel === 'online' ? 'email' : channel);
