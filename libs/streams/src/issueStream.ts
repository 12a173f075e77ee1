import { randomUUID } from 'node:crypto';
import type { NewEvent, StoredEvent } from '@app/event-store';
import { type ActorRef, EVENT_SCHEMA_VERSION, type IssueEvent, upcast, WORKFLOW_VERSION } from '@app/lifecycle';

/** Each issue is one stream. Loading an issue reads its stream only, whatever the store holds. */
export const streamIdOf = (issueId: string) => `issue-${issueId}`;
export const issueIdOf = (streamId: string) => streamId.replace(/^issue-/, '');
export const isIssueStream = (streamId: string) => streamId.startsWith('issue-');

/** References are unique keys of their issue's stream, so an issue can be found by either. */
export const REFERENCE_KEY = 'reference';
const REFERENCE = /^[A-Z]{2,8}-\d{4}-\d{5,}$/;
export const isReference = (idOrReference: string) => REFERENCE.test(idOrReference);

/** What every stored issue event says about itself besides its data. */
export interface IssueEventMetadata {
  readonly actor: ActorRef;
  readonly occurredAt: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly schemaVersion: number;
  readonly workflowVersion: number;
  readonly idempotencyKey?: string;
  readonly via?: EventVia;
}

/** The client an event came through, when not the API's own routes (e.g. an Open311 client, named by its API key). */
export interface EventVia {
  readonly open311Client: string;
}

/** Who asked, and the request it came with: recorded on every event the command produces. */
export interface EventProvenance {
  readonly actor: ActorRef;
  readonly correlationId: string;
  readonly causationId: string;
  readonly idempotencyKey?: string;
  readonly via?: EventVia;
}

/** The metadata of an event of any stream (issue or area): one shape, built in one place. */
export function eventMetadataOf(occurredAt: string, schemaVersion: number, provenance: EventProvenance): IssueEventMetadata {
  return {
    actor: provenance.actor,
    occurredAt,
    correlationId: provenance.correlationId,
    causationId: provenance.causationId,
    schemaVersion,
    workflowVersion: WORKFLOW_VERSION,
    ...(provenance.idempotencyKey !== undefined && { idempotencyKey: provenance.idempotencyKey }),
    ...(provenance.via !== undefined && { via: { ...provenance.via } }),
  };
}

export function toNewEvent(event: IssueEvent, provenance: EventProvenance): NewEvent {
  const metadata = eventMetadataOf(event.occurredAt, EVENT_SCHEMA_VERSION[event.type], provenance);
  return { id: randomUUID(), type: event.type, data: event.data, metadata: { ...metadata } };
}

export function toIssueEvent(stored: StoredEvent): IssueEvent {
  const metadata = stored.metadata as unknown as IssueEventMetadata;
  return upcast({ type: stored.type, data: stored.data, occurredAt: metadata.occurredAt, schemaVersion: metadata.schemaVersion });
}
