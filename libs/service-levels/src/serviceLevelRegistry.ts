import type { DeadlineRules, ServiceLevelPolicy, WorkingCalendar } from '@app/lifecycle';

/** What a deadline is looked up by: the policy version the issue keeps, its area and category. */
export interface DeadlineSubject {
  readonly policyVersion: string | null;
  readonly areaId: string;
  readonly category: string;
}

/**
 * Every service-level policy version this installation has adopted (kept in the store's
 * `service-levels` stream, so years later an issue is still judged by the rules it was logged
 * under), and the one in force (the file's).
 */
export interface ServiceLevelRegistry {
  /** The policy in force: new issues are logged under its version. */
  readonly inForce: ServiceLevelPolicy;
  /**
   * The rules an issue's deadlines are judged by: the targets of its policy version for its
   * area and category, and that policy's calendar; null when it has no policy version.
   * Synchronous: a version not loaded yet throws UnknownPolicyVersionError (call ensureKnown).
   */
  rulesFor(subject: DeadlineSubject): DeadlineRules | null;
  /** The working calendar of a policy version (the one in force for null). */
  calendarOf(policyVersion: string | null): WorkingCalendar;
  /** Loads versions another process adopted since this one started; throws UnknownPolicyVersionError for a version no process adopted. */
  ensureKnown(versions: Iterable<string>): Promise<void>;
}

export class UnknownPolicyVersionError extends Error {
  constructor(readonly policyVersion: string) {
    super(`service-level policy version ${policyVersion} is not in the store's service-levels stream`);
    this.name = 'UnknownPolicyVersionError';
  }
}
