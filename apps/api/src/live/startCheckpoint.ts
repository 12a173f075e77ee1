import { BadRequestException } from '@nestjs/common';
import { type Checkpoint, type EventStore, InvalidCheckpointError } from '@app/event-store';

const refused = (lastEventId: string) =>
  new BadRequestException(`Last-Event-ID ${JSON.stringify(lastEventId)} is not an event id of this feed: reconnect without it to follow from now`);

/**
 * Where a client's feed starts: right after the event its `Last-Event-ID` names, or from now.
 * An id the store's readAll refuses (InvalidCheckpointError), or one beyond the last event it
 * holds, is not one this feed wrote: following from there would skip or repeat events, so it is
 * a 400, before the stream starts.
 */
export async function startCheckpoint(store: Pick<EventStore, 'headCheckpoint' | 'readAll'>, lastEventId: string | undefined): Promise<Checkpoint | null> {
  // The head first: an id at or before it then either is the head or has an event after it,
  // even if more are appended meanwhile (read the other way round, that race would refuse a good id).
  const head = await store.headCheckpoint();
  if (!lastEventId) return head;
  if (lastEventId === head) return head;
  let next;
  try {
    next = await store.readAll({ after: lastEventId, limit: 1 });
  } catch (error) {
    if (error instanceof InvalidCheckpointError) throw refused(lastEventId);
    throw error;
  }
  // Well-formed, not the head, and nothing after it: a position the store has not reached.
  if (next.events.length === 0) throw refused(lastEventId);
  return lastEventId;
}
