import type { Area } from '../../../api/src/config/areas';
import { addMonths, DAY_MS } from './demoCalendar';
import { draftIssue, type DraftIssue } from './demoIntake';
import type { DemoIssue } from './demoIssue';
import { LAST_NAMES } from './demoTexts';
import { assignStories } from './demoStories';
import { stepsFor } from './demoSteps';
import { Prng } from './prng';

export interface DemoPlanOptions {
  readonly seed: number;
  /** Months of history, ending at `now`. */
  readonly months: number;
  /** Issues raised in an average month (each month varies by up to ±10 %). */
  readonly perMonth: number;
  readonly areas: readonly Area[];
  readonly now: Date;
}

/**
 * A year (or `months`) of issues as a council sees them, planned before anything is sent:
 * what each resident raised, when, and every command on it since, up to `now`. The same seed
 * gives the same shape (counts, stories, channels, durations) whenever it runs.
 */
export function planDemo(options: DemoPlanOptions): DemoIssue[] {
  const { seed, months, perMonth, areas, now } = options;
  const rng = new Prng(seed);
  const drafts: DraftIssue[] = [];
  for (let month = 0; month < months; month++) {
    const from = addMonths(now, month - months);
    const to = addMonths(now, month - months + 1);
    const count = Math.round(perMonth * rng.between(0.9, 1.1));
    for (let i = 0; i < count; i++) drafts.push(draftIssue(rng, areas, from, to, now));
  }
  // Sent in the order they were raised, so reference numbers run with the calendar.
  drafts.sort((a, b) => a.loggedAt.getTime() - b.loggedAt.getTime());

  const ages = drafts.map((draft) => (now.getTime() - draft.loggedAt.getTime()) / DAY_MS);
  const stories = assignStories(rng, ages);
  const cutoff = now.getTime() - 60_000;
  return drafts.map((draft, index) => {
    const steps = stepsFor(rng, stories[index], draft, ages[index], officersOf(draft.areaIndex));
    return {
      loggedAt: draft.loggedAt,
      story: stories[index],
      intake: draft.intake,
      // What would come later has not happened yet: recent issues are still under way.
      steps: steps.filter((step) => step.at.getTime() <= cutoff),
    };
  });
}

/** Two officers per area, named the same way every run. */
const officersOf = (areaIndex: number) => [0, 1].map((k) => `officer-${LAST_NAMES[(areaIndex * 2 + k) % LAST_NAMES.length].toLowerCase()}`);
