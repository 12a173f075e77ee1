import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@app/event-store';

const TEXT = 'Called the resident about the pothole outside number 12; highways will inspect it this week. '.repeat(2);

/** One command's event, the same for every appender: a note, as an officer adds one, with its provenance. */
export function benchEvent(streamId: string): NewEvent {
  return {
    id: randomUUID(),
    type: 'NoteAdded',
    data: { text: TEXT, public: false, occurredAt: new Date().toISOString() },
    metadata: { actor: { id: 'bench-officer', role: 'officer' }, correlationId: randomUUID(), causationId: streamId },
  };
}
