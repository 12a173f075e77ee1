import { issuesProjection } from './issues/issuesProjection';
import type { Projection } from './projection';
import { publicTrackerProjection } from './public/publicTrackerProjection';
import { scorecardsProjection } from './scorecards/scorecardsProjection';

/** Every projection the API and the projector processes run, in the order they are listed. */
export const ALL_PROJECTIONS: readonly Projection[] = [issuesProjection, publicTrackerProjection, scorecardsProjection];
