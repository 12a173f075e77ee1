import type { StoredEvent } from '@app/event-store';
import { buildTimeline } from './issueTimeline';
import { renderTimelineTable } from './timelineTable';

const LOGGED = {
  reference: 'TROW-2024-00003',
  title: 'Pothole on Hilperton Road',
  description: 'Deep.',
  category: 'highways',
  areaId: 'trowbridge',
  channel: 'letter',
  location: null,
  personal: { raisedBy: { name: 'Ada Resident' }, address: null },
};

/** A stored event of one stream, recorded under the given workflow version. */
const stored = (version: number, type: string, data: unknown, workflowVersion: number, schemaVersion = 1): StoredEvent => ({
  id: `e${version}`,
  streamId: 'issue-1',
  version,
  globalPosition: version,
  type,
  data,
  metadata: { actor: { id: 'manager-1', role: 'areaManager' }, occurredAt: `2026-03-0${version}T09:00:00.000Z`, correlationId: 'c', causationId: 'k', schemaVersion, workflowVersion },
  recordedAt: `2026-03-0${version}T09:00:00.000Z`,
  prevHash: version === 1 ? null : `h${version - 1}`,
  hash: `h${version}`,
});

describe('the replay table of a version-1 issue upgraded and waiting on its resident', () => {
  const events = [
    stored(1, 'IssueLogged', LOGGED, 1),
    stored(2, 'IssueReferred', { serviceProvider: 'Highways', note: null }, 1),
    stored(3, 'WorkflowUpgraded', { from: 1, to: 2 }, 2),
    stored(4, 'ResidentAsked', { question: 'Which side of the road?' }, 2),
    stored(5, 'ResidentReplied', { answer: 'The north side.' }, 2),
  ];

  it('gives each row the workflow version the issue was at once it was applied', () => {
    expect(buildTimeline(events).map((entry) => entry.workflowVersion)).toEqual([1, 1, 2, 2, 2]);
  });

  it('shows where a reply leads while the issue waits on its resident', () => {
    const rows = renderTimelineTable('TROW-2024-00003', buildTimeline(events)).split('\n').slice(4);
    expect(rows.map((row) => row.split(/\s{2,}/).at(-1))).toEqual(['logged', 'referred', 'referred', 'awaitingResident (from referred)', 'referred']);
  });
});
