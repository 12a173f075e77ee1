import canonicalize from 'canonicalize';
import { type Clock, type EventStore, systemClock, WrongExpectedVersionError } from '@app/event-store';
import { bankHolidayCalendar, type DeadlineRules, type ServiceLevelPolicy, targetsFor, type WorkingCalendar } from '@app/lifecycle';
import type { PolicyFile } from './policyFile';
import { type AdoptedPolicy, policyAdoptedEvent, readAdoptedPolicies, SERVICE_LEVELS_STREAM } from './policyStream';
import { type DeadlineSubject, type ServiceLevelRegistry, UnknownPolicyVersionError } from './serviceLevelRegistry';

export interface ServiceLevelRegistryOptions {
  /** Dates the adoption event (default: the system clock). */
  readonly clock?: Clock;
}

/** The registry, with the policy in force as its file gave it (GET /service-levels answers that). */
export interface StoredServiceLevelRegistry extends ServiceLevelRegistry {
  readonly inForceAsWritten: unknown;
}

// Each conflict means another process adopted a version meanwhile: a few are plenty.
const MAX_ADOPTION_ATTEMPTS = 10;

/**
 * Opens the registry over the store's service-levels stream, adopting the file's policy version
 * if no process has yet. Throws when the store already holds that version with other targets:
 * issues logged under it would be judged by two different rules.
 */
export async function openServiceLevelRegistry(store: EventStore, file: PolicyFile, options: ServiceLevelRegistryOptions = {}): Promise<StoredServiceLevelRegistry> {
  const adopted = await adopt(store, file, options.clock ?? systemClock);
  return new StoredServiceLevels(store, file, adopted);
}

async function adopt(store: EventStore, file: PolicyFile, clock: Clock): Promise<AdoptedPolicy[]> {
  for (let attempt = 1; ; attempt++) {
    const adopted = await readAdoptedPolicies(store);
    const same = adopted.find(({ policy }) => policy.version === file.policy.version);
    if (same) {
      if (canonicalize(same.policy) !== canonicalize(file.policy)) throw changedPolicyError(file, same);
      return adopted;
    }
    try {
      await store.append(SERVICE_LEVELS_STREAM, [policyAdoptedEvent(file, clock.now())], adopted.length);
    } catch (error) {
      // Another process appended first (two starting at once): read what it adopted and judge again.
      if (error instanceof WrongExpectedVersionError && attempt < MAX_ADOPTION_ATTEMPTS) continue;
      throw error;
    }
  }
}

const changedPolicyError = (file: PolicyFile, adopted: AdoptedPolicy) =>
  new Error(
    `service-level policy ${file.policy.version} in ${file.source} differs from the version ${adopted.policy.version} ` +
      `already adopted on ${adopted.adoptedOn}: give the changed policy a new version`,
  );

class StoredServiceLevels implements StoredServiceLevelRegistry {
  readonly inForce: ServiceLevelPolicy;
  readonly inForceAsWritten: unknown;
  private readonly versions = new Map<string, ServiceLevelPolicy>();
  private streamVersion = 0;

  constructor(
    private readonly store: EventStore,
    file: PolicyFile,
    adopted: readonly AdoptedPolicy[],
  ) {
    this.inForce = file.policy;
    this.inForceAsWritten = file.asWritten;
    this.remember(adopted);
  }

  rulesFor({ policyVersion, areaId, category }: DeadlineSubject): DeadlineRules | null {
    if (policyVersion === null) return null;
    const policy = this.policyOf(policyVersion);
    return { policyVersion, targets: targetsFor(policy, areaId, category), calendar: bankHolidayCalendar(policy.region) };
  }

  calendarOf(policyVersion: string | null): WorkingCalendar {
    return bankHolidayCalendar((policyVersion === null ? this.inForce : this.policyOf(policyVersion)).region);
  }

  async ensureKnown(versions: Iterable<string>): Promise<void> {
    const unknown = [...versions].filter((version) => !this.versions.has(version));
    if (unknown.length === 0) return;
    this.remember(await readAdoptedPolicies(this.store, this.streamVersion + 1));
    const missing = unknown.find((version) => !this.versions.has(version));
    if (missing !== undefined) throw new UnknownPolicyVersionError(missing);
  }

  private policyOf(version: string): ServiceLevelPolicy {
    const policy = this.versions.get(version);
    if (!policy) throw new UnknownPolicyVersionError(version);
    return policy;
  }

  // Adopted policies are never changed, so only the events after the last one read can be new.
  private remember(adopted: readonly AdoptedPolicy[]): void {
    for (const { policy, streamVersion } of adopted) {
      if (!this.versions.has(policy.version)) this.versions.set(policy.version, policy);
      this.streamVersion = Math.max(this.streamVersion, streamVersion);
    }
  }
}
