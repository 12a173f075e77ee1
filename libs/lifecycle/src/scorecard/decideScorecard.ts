import type { Actor } from '../actor';
import type { AuthorizationError } from '../authorization';
import { err, ok, type Result } from '../result';
import type { ScorecardState } from './evolveScorecard';
import { authorizeScorecard } from './scorecardAuthorization';
import type { ScorecardCommand } from './scorecardCommands';
import type { ScorecardEvent } from './scorecardEvents';
import { checkChoice, checkFigure, type Problems } from './scorecardRules';

export interface ScorecardDecisionContext {
  readonly actor: Actor;
  /** The injected clock's reading: the domain never reads the time itself. */
  readonly now: Date;
  /** The area stream's version the caller last saw; without it the command applies to the current one. */
  readonly expectedVersion?: number;
}

export type ScorecardDecisionError =
  | AuthorizationError
  | {
      readonly kind: 'version-conflict';
      /** Whose version: an area's stream, not an issue's. */
      readonly of: 'area';
      readonly expectedVersion: number;
      readonly currentVersion: number;
    }
  | { readonly kind: 'invalid-scorecard'; readonly problems: Problems };

/**
 * May this actor change this area's scorecard so, and which event results? Checks run in the
 * order a caller can act on them, as `decide` does for issues: permission, staleness, then the
 * content. Whether the area exists is the caller's question: the domain holds no list of areas.
 */
export function decideScorecard(
  state: ScorecardState,
  command: ScorecardCommand,
  context: ScorecardDecisionContext,
): Result<ScorecardEvent[], ScorecardDecisionError> {
  const denied = authorizeScorecard(context.actor, command.type, command.areaId);
  if (denied) return err(denied);

  const { expectedVersion } = context;
  if (expectedVersion !== undefined && expectedVersion !== state.version) {
    return err({ kind: 'version-conflict', of: 'area', expectedVersion, currentVersion: state.version });
  }

  const occurredAt = recordedAt(context.now, state.updatedAt);

  switch (command.type) {
    case 'choose-scorecard': {
      const checked = checkChoice(command.data, context.now);
      if (!checked.ok) return err({ kind: 'invalid-scorecard', problems: checked.error });
      return ok([{ type: 'ScorecardChosen', occurredAt, data: checked.value }]);
    }
    case 'record-figure': {
      const checked = checkFigure(command.data, context.now);
      if (!checked.ok) return err({ kind: 'invalid-scorecard', problems: checked.error });
      return ok([{ type: 'ScorecardFigureRecorded', occurredAt, data: checked.value }]);
    }
  }
}

/**
 * Staff record it now (when the residents chose is `chosenAt`; a figure's time is its quarter).
 * Clocks of several processes may disagree by a little: the stream must still read in order.
 */
const recordedAt = (now: Date, previous: string | null): string =>
  new Date(Math.max(now.getTime(), previous === null ? -Infinity : Date.parse(previous))).toISOString();
