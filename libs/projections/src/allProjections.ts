import { ISSUES_PROJECTION, issuesProjection, type IssuesProjectionDeps } from './issues/issuesProjection';
import { meetingsProjection } from './meetings/meetingsProjection';
import type { Projection } from './projection';
import { publicTrackerProjection } from './public/publicTrackerProjection';
import { scorecardsProjection } from './scorecards/scorecardsProjection';

/** What the projections need besides the events (the issues' deadlines need the service-level rules). */
export type ProjectionDeps = IssuesProjectionDeps;

/** Every projection the API and the projector processes run, in the order they are listed. */
export function allProjections(deps: ProjectionDeps): readonly Projection[] {
  return [issuesProjection(deps), publicTrackerProjection, scorecardsProjection, meetingsProjection];
}

/**
 * The residents' outbox (libs/notifications, OUTBOX_PROJECTION) runs beside these in every host,
 * after them: it records the messages each event owes, in the rows of its own table.
 */
export const OUTBOX_PROJECTION_NAME = 'outbox';

/** Every projection's name, in the order hosts run them, for what only names them (the CLI's help, GET /projections). */
export const PROJECTION_NAMES: readonly string[] = [
  ISSUES_PROJECTION,
  publicTrackerProjection.name,
  scorecardsProjection.name,
  meetingsProjection.name,
  OUTBOX_PROJECTION_NAME,
];
