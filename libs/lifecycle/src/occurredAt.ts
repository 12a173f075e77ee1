import type { Actor } from './actor';
import { err, ok, type Result } from './result';

/** How far back staff other than admin may date an event. */
export const BACKDATING_LIMIT_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface OccurredAtError {
  readonly kind: 'invalid-occurred-at';
  readonly message: string;
}

/**
 * When an event really happened: `now` unless the caller says otherwise, never in the future,
 * never before the previous event, and more than 30 days back only for admin.
 */
export function resolveOccurredAt(
  requested: string | undefined,
  rules: { readonly now: Date; readonly actor: Actor; readonly previous?: string },
): Result<string, OccurredAtError> {
  const { now, actor, previous } = rules;
  if (requested === undefined) {
    // Clocks of several processes may disagree by a little; history must still read in order.
    const previousMs = previous === undefined ? -Infinity : Date.parse(previous);
    return ok(new Date(Math.max(now.getTime(), previousMs)).toISOString());
  }
  const at = new Date(requested);
  if (Number.isNaN(at.getTime())) return invalid(`occurredAt must be an ISO 8601 date-time, got ${requested}`);
  if (at.getTime() > now.getTime()) return invalid('occurredAt must not be in the future');
  if (previous !== undefined && at.getTime() < Date.parse(previous)) {
    return invalid(`occurredAt must not be before the issue's previous event (${previous})`);
  }
  const isAdmin = actor.kind === 'staff' && actor.role === 'admin';
  if (!isAdmin && now.getTime() - at.getTime() > BACKDATING_LIMIT_DAYS * DAY_MS) {
    return invalid(`occurredAt more than ${BACKDATING_LIMIT_DAYS} days back may be recorded by admin only`);
  }
  return ok(at.toISOString());
}

const invalid = (message: string) => err<OccurredAtError>({ kind: 'invalid-occurred-at', message });
