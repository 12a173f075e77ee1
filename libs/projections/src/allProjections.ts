import { ISSUES_PROJECTION, issuesProjection, type IssuesProjectionDeps } from './issues/issuesProjection';
import type { Projection } from './projection';
import { publicTrackerProjection } from './public/publicTrackerProjection';
import { scorecardsProjection } from './scorecards/scorecardsProjection';

/** What the projections need besides the events (the issues' deadlines need the service-level rules). */
export type ProjectionDeps = IssuesProjectionDeps;

/** Every projection the API and the projector processes run, in the order they are listed. */
export function allProjections(deps: ProjectionDeps): readonly Projection[] {
  return [issuesProjection(deps), publicTrackerProjection, scorecardsProjection];
}

/** Their names, in the same order, for what only names them (the CLI's help, GET /projections). */
export const PROJECTION_NAMES: readonly string[] = [ISSUES_PROJECTION, publicTrackerProjection.name, scorecardsProjection.name];
