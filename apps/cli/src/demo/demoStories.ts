import type { DemoStory } from './demoIssue';
import type { Prng } from './prng';

/**
 * The minority stories, dealt out in fixed shares of all issues (at least one each) rather than
 * drawn issue by issue, so that even a small demo shows every one. Each goes only to issues old
 * enough for the story to have happened by now (an issue raised yesterday cannot have been
 * reopened), which is also how it is in a real council's history.
 */
const MINORITIES: ReadonlyArray<{ story: DemoStory; share: number; minAgeDays: number }> = [
  // Resolved, fed back and reopened: at most ~43 days from logging to the reopening (see demoSteps).
  { story: 'reopened', share: 0.04, minAgeDays: 50 },
  // Assigned with a dueBy at most ~18 days after logging, then stuck: overdue by now.
  { story: 'stalled', share: 0.05, minAgeDays: 21 },
  { story: 'withdrawn', share: 0.06, minAgeDays: 7 },
];

/** The share of the remaining issues put to the area board rather than referred straight away. */
const BOARD_SHARE = 0.22;

/** A story for each issue, given its age in days (how long before now it was logged). */
export function assignStories(rng: Prng, ages: readonly number[]): DemoStory[] {
  const stories: (DemoStory | undefined)[] = ages.map(() => undefined);
  for (const { story, share, minAgeDays } of MINORITIES) {
    const candidates = ages.map((age, index) => ({ age, index })).filter(({ age, index }) => age >= minAgeDays && stories[index] === undefined);
    const count = Math.max(1, Math.round(share * ages.length));
    for (const { index } of rng.sample(candidates, count)) stories[index] = story;
  }
  return stories.map((story) => {
    const draw = rng.next();
    return story ?? (draw < BOARD_SHARE ? 'board' : 'referral');
  });
}
