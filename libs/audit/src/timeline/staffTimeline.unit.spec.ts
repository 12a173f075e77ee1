import type { StoredEvent } from '@app/event-store';
import { buildStaffTimeline } from './staffTimeline';

const LOGGED = {
  reference: 'TROW-2026-00001',
  title: 'Pothole on Castle Street',
  description: 'Deep.',
  category: 'highways',
  areaId: 'trowbridge',
  channel: 'online',
  location: null,
  subjectId: null,
  personal: { raisedBy: { name: 'Ada Resident' }, address: null },
  workflowVersion: 2,
  policyVersion: null,
};

const RESIDENT = { id: 'anonymous', role: 'resident' };
const SYSTEM = { id: 'system', role: 'system' };
const MANAGER = { id: 'manager-1', role: 'areaManager', name: 'Morgan Manager' };
const OFFICER = { id: 'officer-1', role: 'officer', name: 'Olu Officer' };
/** Recorded before tokens carried names. */
const UNNAMED = { id: 'chair-1', role: 'boardChair' };

type Step = readonly [type: string, data: unknown, actor: object];

/** Stored events of one stream, a day apart, logged under workflow version 2. */
function stream(steps: readonly Step[]): StoredEvent[] {
  return steps.map(([type, data, actor], index) => {
    const version = index + 1;
    const occurredAt = `2026-03-${String(version).padStart(2, '0')}T09:00:00.000Z`;
    return {
      id: `e${version}`,
      streamId: 'issue-1',
      version,
      globalPosition: version,
      type,
      data,
      metadata: { actor, occurredAt, correlationId: 'c', causationId: 'k', schemaVersion: type === 'IssueLogged' ? 3 : 1, workflowVersion: 2 },
      recordedAt: occurredAt,
      prevHash: version === 1 ? null : `h${index}`,
      hash: `h${version}`,
    };
  });
}

const WALK: readonly Step[] = [
  ['IssueLogged', LOGGED, RESIDENT],
  ['OfficerAssigned', { officer: 'officer-1', dueBy: '2026-04-01' }, UNNAMED],
  ['IssueReferred', { serviceProvider: 'Wiltshire Highways', note: null }, MANAGER],
  ['NoteAdded', { text: 'Called the contractor.', public: false }, OFFICER],
  ['NoteAdded', { text: 'Repairs booked for May.', public: true }, OFFICER],
  ['ResidentAsked', { question: 'Which end of the street?' }, OFFICER],
  ['ResidentReplied', { answer: 'By number 12, Ada.' }, OFFICER],
  ['DeadlineMissed', { kind: 'resolve', dueAt: '2026-03-07', policyVersion: '2026-1', cycle: 0 }, SYSTEM],
  ['BoardReviewScheduled', { meetingDate: '2026-03-20', report: 'Residents ask for a repair.' }, MANAGER],
  ['IssueResolved', { outcome: 'Resurfaced.' }, OFFICER],
  ['OutcomeFedBack', { message: 'Done, thank you.', channel: 'email' }, MANAGER],
  ['IssueReopened', { reason: 'It came back.' }, MANAGER],
  ['IssueWithdrawn', { reason: 'Resident asked.' }, MANAGER],
];

describe('the staff timeline of an issue', () => {
  it('gives each step the status it left, who took it by name, its words and whether residents see it', () => {
    const steps = buildStaffTimeline(stream(WALK));
    expect(steps.map((step) => [step.type, step.status, step.actor.name, step.note, step.public])).toEqual([
      ['IssueLogged', 'logged', 'Resident', undefined, true],
      ['OfficerAssigned', 'logged', 'chair-1', undefined, false],
      ['IssueReferred', 'referred', 'Morgan Manager', undefined, true],
      ['NoteAdded', 'referred', 'Olu Officer', 'Called the contractor.', false],
      ['NoteAdded', 'referred', 'Olu Officer', 'Repairs booked for May.', true],
      ['ResidentAsked', 'awaitingResident', 'Olu Officer', 'Which end of the street?', true],
      ['ResidentReplied', 'referred', 'Olu Officer', 'By number 12, Ada.', true],
      ['DeadlineMissed', 'referred', 'System', undefined, false],
      ['BoardReviewScheduled', 'boardReview', 'Morgan Manager', 'Residents ask for a repair.', true],
      ['IssueResolved', 'resolved', 'Olu Officer', 'Resurfaced.', true],
      ['OutcomeFedBack', 'fedBack', 'Morgan Manager', 'Done, thank you.', true],
      ['IssueReopened', 'logged', 'Morgan Manager', 'It came back.', true],
      ['IssueWithdrawn', 'withdrawn', 'Morgan Manager', 'Resident asked.', true],
    ]);
  });

  it('answers the contract’s shape: version, when, the actor’s id, name and role, a summary; no note key where there are no words', () => {
    const [logged, assigned, referred] = buildStaffTimeline(stream(WALK));
    expect(logged).toEqual({
      version: 1,
      type: 'IssueLogged',
      status: 'logged',
      at: '2026-03-01T09:00:00.000Z',
      actor: { id: 'anonymous', name: 'Resident', role: 'resident' },
      summary: '"Pothole on Castle Street" (highways) in trowbridge via online',
      public: true,
    });
    expect(assigned.actor).toEqual({ id: 'chair-1', name: 'chair-1', role: 'boardChair' });
    expect(referred).not.toHaveProperty('note');
    expect(referred.actor).toEqual({ id: 'manager-1', name: 'Morgan Manager', role: 'areaManager' });
  });

  it('shows the resident’s answer as "[erased]" once their personal data is erased, even an answer given before', () => {
    const erased = buildStaffTimeline(stream([...WALK.slice(0, 7), ['PersonalDataErased', { subjectId: null }, { id: 'admin-1', role: 'admin', name: 'Ade Admin' }]]));
    expect(erased.map((step) => step.note).filter(Boolean)).toEqual(['Called the contractor.', 'Repairs booked for May.', 'Which end of the street?', '[erased]']);
    expect(erased.at(-1)).toMatchObject({ type: 'PersonalDataErased', status: 'referred', public: false, actor: { name: 'Ade Admin' } });
    expect(JSON.stringify(erased)).not.toMatch(/Ada|number 12/);
  });

  it('shows an event it cannot read as private, leaving the status as it was', () => {
    const steps = buildStaffTimeline(stream([...WALK.slice(0, 3), ['SomethingNew', { text: 'x' }, MANAGER]]));
    expect(steps.at(-1)).toMatchObject({ type: 'SomethingNew', status: 'referred', public: false });
    expect(steps.at(-1)!.summary).toMatch(/^\(not readable by this version\)/);
  });

  it('reads old or damaged metadata defensively: recordedAt when occurredAt is missing, an unknown actor when none', () => {
    const [logged, assigned] = stream(WALK.slice(0, 2));
    const damaged = { ...assigned, metadata: { ...assigned.metadata, occurredAt: undefined, actor: undefined }, recordedAt: '2026-03-02T09:00:01.000Z' };
    const [, step] = buildStaffTimeline([logged, damaged]);
    expect(step).toMatchObject({ at: '2026-03-02T09:00:01.000Z', actor: { id: 'unknown', name: 'Unknown', role: 'unknown' }, status: 'logged' });
  });
});
