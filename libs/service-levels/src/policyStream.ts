import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent, StoredEvent } from '@app/event-store';
import { checkServiceLevelPolicy, londonDay, type ServiceLevelPolicy, SYSTEM_ACTOR } from '@app/lifecycle';
import { eventMetadataOf, type IssueEventMetadata } from '@app/streams';
import type { PolicyFile } from './policyFile';

/** One stream for the whole installation: every policy version adopted, in order. */
export const SERVICE_LEVELS_STREAM = 'service-levels';
export const POLICY_ADOPTED = 'ServiceLevelPolicyAdopted';
const POLICY_ADOPTED_SCHEMA_VERSION = 1;

/** The data of a ServiceLevelPolicyAdopted event: the policy as its file gave it. */
export interface PolicyAdoptedData {
  readonly version: string;
  readonly policy: unknown;
}

/** A policy version as the store keeps it. */
export interface AdoptedPolicy {
  readonly policy: ServiceLevelPolicy;
  readonly asWritten: unknown;
  /** The London day it was adopted (the store's recordedAt). */
  readonly adoptedOn: string;
  /** Its version in the stream. */
  readonly streamVersion: number;
}

/** The event that adopts the file's policy, recorded by the system. */
export function policyAdoptedEvent(file: PolicyFile, now: Date): NewEvent {
  const correlationId = randomUUID();
  const provenance = { actor: SYSTEM_ACTOR, correlationId, causationId: correlationId };
  const data: PolicyAdoptedData = { version: file.policy.version, policy: file.asWritten };
  return { id: randomUUID(), type: POLICY_ADOPTED, data, metadata: { ...eventMetadataOf(now.toISOString(), POLICY_ADOPTED_SCHEMA_VERSION, provenance) } };
}

/** The stream's events from `fromVersion` (1: all), as policies. */
export async function readAdoptedPolicies(store: EventStore, fromVersion = 1): Promise<AdoptedPolicy[]> {
  const events = await store.readStream(SERVICE_LEVELS_STREAM, { fromVersion });
  return events.map(adoptedPolicyOf);
}

function adoptedPolicyOf(stored: StoredEvent): AdoptedPolicy {
  const { schemaVersion } = stored.metadata as unknown as IssueEventMetadata;
  if (stored.type !== POLICY_ADOPTED || schemaVersion > POLICY_ADOPTED_SCHEMA_VERSION) {
    throw new Error(`the ${SERVICE_LEVELS_STREAM} stream's event ${stored.version} is ${stored.type} v${schemaVersion}, which this code cannot read`);
  }
  const { policy } = stored.data as PolicyAdoptedData;
  // Checked for shape only, not against today's areas and categories: a policy keeps judging
  // the issues logged under it after an area or category it names has gone.
  const checked = checkServiceLevelPolicy(policy, namesIn(policy));
  if (!checked.ok) {
    throw new Error(`the ${SERVICE_LEVELS_STREAM} stream's event ${stored.version} holds no readable policy:\n- ${checked.error.join('\n- ')}`);
  }
  return { policy: checked.value, asWritten: policy, adoptedOn: londonDay(stored.recordedAt), streamVersion: stored.version };
}

/** Every category and area a stored policy names, as the reference data it was checked against. */
function namesIn(policy: unknown): { categories: string[]; areaIds: string[] } {
  const keys = (value: unknown) => (typeof value === 'object' && value !== null ? Object.keys(value) : []);
  const { categories, areas } = (policy ?? {}) as { categories?: unknown; areas?: Record<string, unknown> };
  const areaIds = keys(areas);
  const areaCategories = areaIds.flatMap((areaId) => keys((areas as Record<string, unknown>)[areaId]));
  return { categories: [...keys(categories), ...areaCategories], areaIds };
}
