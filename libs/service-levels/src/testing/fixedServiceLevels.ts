import { bankHolidayCalendar, type ServiceLevelPolicy, targetsFor, type WorkingCalendar } from '@app/lifecycle';
import { type DeadlineSubject, type ServiceLevelRegistry, UnknownPolicyVersionError } from '../serviceLevelRegistry';

/** The contract's sample policy, for specs that need one. */
export const SAMPLE_POLICY: ServiceLevelPolicy = {
  version: '2026-1',
  region: 'GB-ENG',
  default: { acknowledge: 2, resolve: 20, feedBack: 5 },
  categories: { highways: { resolve: 15 } },
  areas: { trowbridge: { highways: { resolve: 10 } } },
};

/**
 * A registry that knows these policies and no others, in memory: the first is in force. For
 * unit and int specs, which must not need the store's service-levels stream.
 */
export function fixedServiceLevels(inForce: ServiceLevelPolicy = SAMPLE_POLICY, ...older: ServiceLevelPolicy[]): ServiceLevelRegistry {
  const byVersion = new Map([inForce, ...older].map((policy) => [policy.version, policy]));
  const policyOf = (version: string): ServiceLevelPolicy => {
    const policy = byVersion.get(version);
    if (!policy) throw new UnknownPolicyVersionError(version);
    return policy;
  };
  return {
    inForce,
    rulesFor({ policyVersion, areaId, category }: DeadlineSubject) {
      if (policyVersion === null) return null;
      const policy = policyOf(policyVersion);
      return { policyVersion, targets: targetsFor(policy, areaId, category), calendar: bankHolidayCalendar(policy.region) };
    },
    calendarOf(policyVersion: string | null): WorkingCalendar {
      return bankHolidayCalendar((policyVersion === null ? inForce : policyOf(policyVersion)).region);
    },
    async ensureKnown(versions: Iterable<string>) {
      for (const version of versions) policyOf(version);
    },
  };
}
