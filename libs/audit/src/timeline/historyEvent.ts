import type { StoredEvent } from '@app/event-store';

/** Who recorded an event, in what capacity (`system` and `resident` included). */
export interface HistoryActor {
  readonly id: string;
  readonly role: string;
}

/**
 * One event as an auditor reads it (shared/contract/API.md, "Audit", `GET /issues/:id/history`):
 * what the store holds, metadata flattened, with both clocks and the hash chain.
 */
export interface HistoryEvent {
  readonly version: number;
  readonly globalPosition: number;
  readonly type: string;
  readonly occurredAt: string | null;
  readonly recordedAt: string;
  readonly actor: HistoryActor | null;
  readonly data: unknown;
  readonly correlationId: string | null;
  readonly causationId: string | null;
  readonly hash: string;
  readonly prevHash: string | null;
}

/**
 * Reads the metadata defensively: an auditor must still see an event whose metadata was written
 * by an older version, or tampered with, rather than get an error instead of the history.
 */
export function toHistoryEvent(event: StoredEvent): HistoryEvent {
  const metadata = event.metadata;
  return {
    version: event.version,
    globalPosition: event.globalPosition,
    type: event.type,
    occurredAt: textOf(metadata.occurredAt),
    recordedAt: event.recordedAt,
    actor: actorOf(metadata.actor),
    data: event.data,
    correlationId: textOf(metadata.correlationId),
    causationId: textOf(metadata.causationId),
    hash: event.hash,
    prevHash: event.prevHash,
  };
}

const textOf = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function actorOf(value: unknown): HistoryActor | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, role } = value as Record<string, unknown>;
  return typeof id === 'string' && typeof role === 'string' ? { id, role } : null;
}
