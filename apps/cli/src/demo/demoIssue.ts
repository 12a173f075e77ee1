import type { Channel } from '@app/lifecycle';

/** The commands the demo sends on an existing issue: the path names of the contract. */
export type DemoCommand = 'refer' | 'board-review' | 'roundtable' | 'resolve' | 'feed-back' | 'reopen' | 'withdraw' | 'assign' | 'notes';

/** One command of an issue's planned history: its body, without expectedVersion (known when sent). */
export interface DemoStep {
  readonly command: DemoCommand;
  readonly at: Date;
  readonly body: Readonly<Record<string, unknown>>;
}

/** The POST /issues body, without occurredAt (the issue's loggedAt). */
export interface DemoIntake {
  readonly title: string;
  readonly description: string;
  readonly category: string;
  readonly areaId: string;
  readonly channel: Channel;
  readonly location?: { readonly lat: number; readonly lng: number; readonly address: string };
  readonly raisedBy: { readonly name: string; readonly email?: string; readonly phone?: string };
}

/** How an issue's life goes; the minority stories are dealt out in fixed shares (see assignStories). */
export type DemoStory = 'referral' | 'board' | 'withdrawn' | 'reopened' | 'stalled';

export interface DemoIssue {
  readonly loggedAt: Date;
  readonly story: DemoStory;
  readonly intake: DemoIntake;
  /** In time order, none after the plan's `now`: issues logged lately are still under way. */
  readonly steps: readonly DemoStep[];
}
