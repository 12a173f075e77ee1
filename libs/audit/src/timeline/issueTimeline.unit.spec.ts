import type { StoredEvent } from '@app/event-store';
import { eventsRecordedBy } from './eventsAsOf';
import { summariseEvent, SUMMARY_TEXT_LIMIT } from './eventSummary';
import { buildTimeline } from './issueTimeline';
import { renderTimelineTable } from './timelineTable';

const LOGGED = {
  reference: 'TROW-2026-00001',
  title: 'Pothole on Castle Street',
  description: 'Deep.',
  category: 'highways',
  areaId: 'trowbridge',
  channel: 'online',
  location: null,
  personal: { raisedBy: { name: 'Ada Resident', email: 'ada@example.org' }, address: '12 Castle Street' },
};

let version = 0;
function event(type: string, data: unknown, occurredAt: string, recordedAt = occurredAt, actor = { id: 'manager-1', role: 'areaManager' }): StoredEvent {
  version++;
  return {
    id: `e${version}`,
    streamId: 'issue-1',
    version,
    globalPosition: version,
    type,
    data,
    metadata: { actor, occurredAt, correlationId: 'c', causationId: 'k', schemaVersion: 1, workflowVersion: 1 },
    recordedAt,
    prevHash: version === 1 ? null : `h${version - 1}`,
    hash: `h${version}`,
  };
}

function walk(): StoredEvent[] {
  version = 0;
  return [
    event('IssueLogged', LOGGED, '2026-03-01T09:00:00.000Z', '2026-03-01T09:00:00.005Z', { id: 'anonymous', role: 'resident' }),
    event('OfficerAssigned', { officer: 'officer-42', dueBy: '2026-04-01' }, '2026-03-01T10:00:00.000Z'),
    event('IssueReferred', { serviceProvider: 'Wiltshire Highways', note: null }, '2026-03-02T09:00:00.000Z'),
    event('BoardReviewScheduled', { meetingDate: '2026-03-10', report: 'Residents ask for a repair.' }, '2026-03-03T09:00:00.000Z'),
    event('RoundtableConvened', { date: '2026-03-12', participants: ['Cllr Smith', 'Highways'] }, '2026-03-12T18:00:00.000Z', '2026-03-13T08:00:00.000Z', { id: 'chair-1', role: 'boardChair' }),
    event('IssueResolved', { outcome: 'Resurfaced.' }, '2026-03-20T09:00:00.000Z'),
    event('OutcomeFedBack', { message: 'Done, thank you.', channel: 'email' }, '2026-03-21T09:00:00.000Z'),
    event('IssueReopened', { reason: 'It came back.' }, '2026-04-01T09:00:00.000Z'),
    event('NoteAdded', { text: 'Called the\nresident.', public: false }, '2026-04-02T09:00:00.000Z'),
    event('IssueWithdrawn', { reason: 'Resident asked.' }, '2026-04-03T09:00:00.000Z'),
  ];
}

describe('an issue’s timeline', () => {
  it('gives each event’s status after it, by the lifecycle’s own fold', () => {
    expect(buildTimeline(walk()).map((entry) => [entry.type, entry.statusAfter])).toEqual([
      ['IssueLogged', 'logged'],
      ['OfficerAssigned', 'logged'],
      ['IssueReferred', 'referred'],
      ['BoardReviewScheduled', 'boardReview'],
      ['RoundtableConvened', 'roundtable'],
      ['IssueResolved', 'resolved'],
      ['OutcomeFedBack', 'fedBack'],
      ['IssueReopened', 'logged'],
      ['NoteAdded', 'logged'],
      ['IssueWithdrawn', 'withdrawn'],
    ]);
  });

  it('summarises what each event says, without the resident’s personal data', () => {
    const summaries = buildTimeline(walk()).map((entry) => entry.summary);
    expect(summaries).toEqual([
      '"Pothole on Castle Street" (highways) in trowbridge via online',
      'to officer-42, due by 2026-04-01',
      'to Wiltshire Highways',
      'board meeting 2026-03-10: "Residents ask for a repair."',
      'on 2026-03-12 with Cllr Smith, Highways',
      'outcome "Resurfaced."',
      'by email: "Done, thank you."',
      'reason "It came back."',
      'internal note "Called the resident."',
      'reason "Resident asked."',
    ]);
    expect(summaries.join(' ')).not.toMatch(/Ada|ada@example|12 Castle/);
  });

  it('shows an event it cannot read, leaving the status as it was', () => {
    const events = walk().slice(0, 3);
    version = 3;
    events.push(event('SomethingNew', { detail: 'x' }, '2026-03-05T00:00:00.000Z'));
    const last = buildTimeline(events).at(-1)!;
    expect(last).toMatchObject({ type: 'SomethingNew', statusAfter: 'referred' });
    expect(last.summary).toMatch(/not readable.*"detail":"x"/);
  });

  it('cuts long text to one short line', () => {
    const summary = summariseEvent('IssueResolved', { outcome: `${'long '.repeat(40)}\n\nend` });
    expect(summary).not.toMatch(/\n/);
    expect(summary.length).toBeLessThanOrEqual(SUMMARY_TEXT_LIMIT + 'outcome ""'.length);
    expect(summary).toMatch(/…"$/);
  });
});

describe('a workflow version 2 issue’s timeline', () => {
  const SYSTEM = { id: 'system', role: 'system' };
  const logged = (workflowVersion: number) => {
    const first = event('IssueLogged', { ...LOGGED, subjectId: null, workflowVersion, policyVersion: workflowVersion === 2 ? '2026-1' : null }, '2026-03-02T09:00:00.000Z');
    return { ...first, metadata: { ...first.metadata, schemaVersion: 3, workflowVersion } };
  };

  it('follows the wait on the resident back to the status it left, and shows the system’s escalation', () => {
    version = 0;
    const entries = buildTimeline([
      logged(2),
      event('IssueReferred', { serviceProvider: 'Wiltshire Highways', note: null }, '2026-03-02T10:00:00.000Z'),
      event('ResidentAsked', { question: 'Which end of\nCastle Street?' }, '2026-03-03T09:00:00.000Z'),
      event('ResidentReplied', { answer: 'Mine, at number 12, Ada' }, '2026-03-04T09:00:00.000Z'),
      event('DeadlineMissed', { kind: 'resolve', dueAt: '2026-03-30', policyVersion: '2026-1', cycle: 0 }, '2026-03-31T00:01:00.000Z', undefined, SYSTEM),
      event('IssueEscalated', { to: 'boardChair', kind: 'resolve', cycle: 0 }, '2026-03-31T00:01:00.000Z', undefined, SYSTEM),
    ]);
    expect(entries.slice(2).map((entry) => [entry.type, entry.summary, entry.statusAfter])).toEqual([
      ['ResidentAsked', 'asked the resident "Which end of Castle Street?"', 'awaitingResident'],
      ['ResidentReplied', 'the resident replied', 'referred'],
      ['DeadlineMissed', 'missed the resolve deadline (due 2026-03-30, policy 2026-1)', 'referred'],
      ['IssueEscalated', 'escalated to the board chair (resolve deadline missed)', 'referred'],
    ]);
    expect(entries.at(-1)!.actor).toEqual(SYSTEM);
    // The resident's answer may name them: the timeline never repeats it.
    expect(entries.map((entry) => entry.summary).join(' ')).not.toMatch(/Ada|number 12/);
  });

  it('shows an old issue moved to the new workflow, its status unchanged', () => {
    version = 0;
    const entries = buildTimeline([logged(1), event('WorkflowUpgraded', { from: 1, to: 2 }, '2026-03-03T09:00:00.000Z', undefined, { id: 'admin-1', role: 'admin' })]);
    expect(entries[1]).toMatchObject({ type: 'WorkflowUpgraded', summary: 'moved from workflow version 1 to 2', statusAfter: 'logged' });
  });
});

describe('the replay table', () => {
  it('has a row per event with version, when, who, what and status after; recordedAt only where it differs', () => {
    const table = renderTimelineTable('TROW-2026-00001', buildTimeline(walk()));
    const lines = table.split('\n');
    expect(lines[0]).toBe('TROW-2026-00001');
    expect(lines[2]).toMatch(/^version\s+when\s+who\s+what\s+status after$/);
    expect(lines).toHaveLength(4 + 10);
    expect(lines[4]).toMatch(/^1\s+2026-03-01T09:00:00.000Z\s+anonymous \(resident\)\s+IssueLogged: "Pothole.*\s+logged$/);
    expect(lines[4]).not.toMatch(/recorded/);
    expect(lines[8]).toMatch(/^5\s+2026-03-12T18:00:00.000Z \(recorded 2026-03-13T08:00:00.000Z\)\s+chair-1 \(boardChair\)\s+RoundtableConvened: .*roundtable$/);
    // Columns line up: "who" starts at the same place on every row.
    const whoStart = lines[2].indexOf('who');
    for (const row of lines.slice(4)) expect([row[whoStart - 1], row[whoStart] !== ' ']).toEqual([' ', true]);
  });
});

describe('what the system knew at an instant', () => {
  it('is the events recorded at or before it, by recordedAt not occurredAt', () => {
    const events = walk();
    expect(eventsRecordedBy(events, new Date('2026-03-01T09:00:00.004Z'))).toHaveLength(0);
    expect(eventsRecordedBy(events, new Date('2026-03-01T09:00:00.005Z'))).toHaveLength(1);
    // The roundtable happened on the 12th but was recorded on the 13th.
    expect(eventsRecordedBy(events, new Date('2026-03-12T23:00:00.000Z')).map((e) => e.type).at(-1)).toBe('BoardReviewScheduled');
    expect(eventsRecordedBy(events, new Date('2026-03-13T08:00:00.000Z')).map((e) => e.type).at(-1)).toBe('RoundtableConvened');
  });

  it('is a prefix of the stream even when an old stream’s clocks disagree', () => {
    const events = walk().slice(0, 3);
    const skewed = [events[0], { ...events[1], recordedAt: '2026-03-09T00:00:00.000Z' }, events[2]];
    expect(eventsRecordedBy(skewed, new Date('2026-03-05T00:00:00.000Z')).map((e) => e.version)).toEqual([1]);
  });
});
