import { randomUUID } from 'node:crypto';
import type { EventStoreAdapter, NewEvent } from '@app/event-store';

const actor = { id: 'officer-1', role: 'officer' };

/** An issue or area event as the API writes it, at schema version 1 (IssueLogged v1: plain personal data). */
export function newEvent(type: string, data: unknown, occurredAt: string): NewEvent {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: { actor, occurredAt, correlationId: randomUUID(), causationId: randomUUID(), schemaVersion: 1, workflowVersion: 1 },
  };
}

const logged = (reference: string, occurredAt: string) =>
  newEvent(
    'IssueLogged',
    {
      reference,
      title: `Issue ${reference}`,
      description: 'A deep pothole outside number 12.',
      category: 'highways',
      areaId: 'trowbridge',
      channel: 'phone',
      location: null,
      personal: { raisedBy: { name: 'Ada Resident', email: 'ada@example.org' }, address: null },
    },
    occurredAt,
  );

export interface SeededHistory {
  /** Logged, referred, resolved. */
  readonly a: string;
  /** Logged, with a note. */
  readonly b: string;
  /** Logged only. */
  readonly c: string;
  readonly references: readonly [string, string, string];
  readonly areaStream: string;
  readonly streams: number;
  readonly events: number;
}

/** Three issues (references from the area's counter, as intake takes them) and an area's scorecard stream. */
export async function seedHistory(store: EventStoreAdapter): Promise<SeededHistory> {
  const ids = [randomUUID(), randomUUID(), randomUUID()] as const;
  const references: string[] = [];
  const streams: NewEvent[][] = [
    [
      newEvent('IssueReferred', { serviceProvider: 'Highways', note: null }, '2026-03-02T10:00:00.000Z'),
      newEvent('IssueResolved', { outcome: 'Repaired' }, '2026-03-03T10:00:00.000Z'),
    ],
    [newEvent('NoteAdded', { text: 'Called the resident.', public: false }, '2026-03-02T11:00:00.000Z')],
    [],
  ];
  for (const [index, id] of ids.entries()) {
    const reference = `TROW-2026-${String(await store.next('reference:TROW:2026')).padStart(5, '0')}`;
    references.push(reference);
    await store.append(`issue-${id}`, [logged(reference, '2026-03-01T09:00:00.000Z')], 0, { uniqueKeys: [{ scope: 'reference', key: reference }] });
    if (streams[index].length > 0) await store.append(`issue-${id}`, streams[index], 1);
  }
  await store.append(
    'area-trowbridge',
    [newEvent('ScorecardChosen', { indicators: ['issues-raised'], chosenAt: '2026-03-01', note: null }, '2026-03-01T12:00:00.000Z')],
    0,
  );
  return { a: ids[0], b: ids[1], c: ids[2], references: references as [string, string, string], areaStream: 'area-trowbridge', streams: 4, events: 7 };
}
