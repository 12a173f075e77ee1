import type { GlobalEvent } from '@app/event-store';
import { OUTBOX_PROJECTION_NAME, type Projection, type ProjectionTransaction } from '@app/projections';
import { issueIdOf, isIssueStream } from '@app/streams';
import { isNotifyingEvent, NOTIFYING_EVENTS } from '../messageKinds';
import { channelFor, type IssueForMessage, type IssueMessageSource } from './issueForMessage';

export const OUTBOX_PROJECTION = OUTBOX_PROJECTION_NAME;

/** An event recorded this long after it happened is history entered late (an import): it tells no one. */
export const NOTIFY_WINDOW_MS = 7 * 86_400_000;

export interface OutboxDeps {
  readonly issues: Pick<IssueMessageSource, 'load'>;
  /** When the outbox first existed (ensureOutboxTables): events recorded before it tell no one. */
  readonly epoch: string;
}

/**
 * Records the message each resident-facing event owes, in the transaction that moves the
 * outbox's checkpoint: a crash either keeps both or neither, so no message is lost or owed
 * twice (the row's id is the event's). The channel and language are decided here, from the
 * resident's details revealed at this moment; nothing of the resident is stored. An erasure
 * cancels every message still pending for the issue; after it, events owe nothing.
 */
export function outboxProjection(deps: OutboxDeps): Projection {
  return {
    name: OUTBOX_PROJECTION,
    handles: [...NOTIFYING_EVENTS, 'PersonalDataErased'],
    // Its rows live in the outbox's own table (outboxTables.ts), which no rebuild drops.
    tables: [],
    async apply(events: readonly GlobalEvent[], tx: ProjectionTransaction): Promise<void> {
      // Each issue is read (and its resident revealed) once a page, however many steps it took in it.
      const issues = new Map<string, ReturnType<OutboxDeps['issues']['load']>>();
      const load = (issueId: string) => issues.get(issueId) ?? issues.set(issueId, deps.issues.load(issueId)).get(issueId)!;
      for (const event of events.filter((candidate) => isIssueStream(candidate.streamId))) {
        const issueId = issueIdOf(event.streamId);
        if (event.type === 'PersonalDataErased') {
          await tx.run("UPDATE notifications SET status = 'cancelled', last_error = NULL WHERE issue_id = $1 AND status = 'pending'", [issueId]);
        } else if (isNotifyingEvent(event.type) && owesMessage(event, deps.epoch)) {
          await record(event, await load(issueId), tx);
        }
      }
    },
  };
}

function owesMessage(event: GlobalEvent, epoch: string): boolean {
  if (event.recordedAt < epoch) return false;
  const occurredAt = (event.metadata as { occurredAt?: unknown }).occurredAt;
  const happened = typeof occurredAt === 'string' ? Date.parse(occurredAt) : Date.parse(event.recordedAt);
  return Date.parse(event.recordedAt) - happened <= NOTIFY_WINDOW_MS;
}

async function record(event: GlobalEvent, loaded: IssueForMessage | null, tx: ProjectionTransaction): Promise<void> {
  // Erased (or a stream that is not an issue's): there is nobody to tell.
  if (!loaded?.resident) return;
  const { issueId, issue, resident } = loaded;
  await tx.run(
    `INSERT INTO notifications (id, issue_id, reference, area_id, event_type, event_version, channel, language, status, attempts, next_attempt_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', 0, 0, $9)
     ON CONFLICT (id) DO NOTHING`,
    [event.id, issueId, issue.reference, issue.areaId, event.type, event.version, channelFor(resident), resident.language, event.recordedAt],
  );
}
