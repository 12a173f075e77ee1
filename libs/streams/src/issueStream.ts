import { randomUUID } from 'node:crypto';
import type { NewEvent, StoredEvent } from '@app/event-store';
import { type ActorRef, EVENT_SCHEMA_VERSION, evolve, type IssueEvent, type IssueState, LATEST_WORKFLOW_VERSION, upcast, type WorkflowVersion } from '@app/lifecycle';

/** Each issue is one stream. Loading an issue reads its stream only, whatever the store holds. */
export const streamIdOf = (issueId: string) => `issue-${issueId}`;
export const issueIdOf = (streamId: string) => streamId.replace(/^issue-/, '');
export const isIssueStream = (streamId: string) => streamId.startsWith('issue-');

/** References are unique keys of their issue's stream, so an issue can be found by either. */
export const REFERENCE_KEY = 'reference';
/** A resident's confirm-or-dispute link (its token id) is a unique key of the issue it answered: used once. */
export const RESIDENT_LINK_KEY = 'resident-link';
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
export function eventMetadataOf(
  occurredAt: string,
  schemaVersion: number,
  provenance: EventProvenance,
  workflowVersion: WorkflowVersion = LATEST_WORKFLOW_VERSION,
): IssueEventMetadata {
  return {
    actor: provenance.actor,
    occurredAt,
    correlationId: provenance.correlationId,
    causationId: provenance.causationId,
    schemaVersion,
    workflowVersion,
    ...(provenance.idempotencyKey !== undefined && { idempotencyKey: provenance.idempotencyKey }),
    ...(provenance.via !== undefined && { via: { ...provenance.via } }),
  };
}

/** One event to append, recorded as decided under `workflowVersion` (the newest unless said). */
export function toNewEvent(event: IssueEvent, provenance: EventProvenance, workflowVersion?: WorkflowVersion, id: string = randomUUID()): NewEvent {
  const metadata = eventMetadataOf(event.occurredAt, EVENT_SCHEMA_VERSION[event.type], provenance, workflowVersion);
  return { id, type: event.type, data: event.data, metadata: { ...metadata } };
}

/**
 * The events a decision on `decidedOn` produced, each recorded under the workflow version it
 * was decided under: the issue's own, the newest for a new issue, and for WorkflowUpgraded the
 * version it moves to (the rules that judge it). `ids` gives events deterministic ids.
 */
export function toNewEvents(decidedOn: IssueState, events: readonly IssueEvent[], provenance: EventProvenance, ids?: readonly string[]): NewEvent[] {
  let state = decidedOn;
  return events.map((event, index) => {
    const after = evolve(state, event);
    state = after;
    return toNewEvent(event, provenance, after.workflowVersion, ids?.[index]);
  });
}

export function toIssueEvent(stored: StoredEvent): IssueEvent {
  const metadata = stored.metadata as unknown as IssueEventMetadata;
  return upcast({ type: stored.type, data: stored.data, occurredAt: metadata.occurredAt, schemaVersion: metadata.schemaVersion });
}
