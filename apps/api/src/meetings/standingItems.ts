import type { StandingItemView } from './meetingViews.dto';

/**
 * What every area board agenda carries after the issues put to it: residents raise matters of
 * local concern in the meeting itself (they may then be logged as issues, channel `meeting`).
 */
export const STANDING_ITEMS: readonly StandingItemView[] = [
  {
    title: 'Matters of local concern',
    description: 'Residents may raise matters of local concern with the board. Those the board cannot settle on the night are logged as issues and tracked.',
  },
];
