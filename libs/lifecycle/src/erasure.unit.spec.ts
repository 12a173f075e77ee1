import { allowedCommands } from './allowedCommands';
import { decide } from './decide';
import { foldIssue } from './evolve';
import type { IssueEvent } from './issueEvents';
import { ISSUE_STATUSES } from './issueStatus';
import { isErasedPersonalData } from './personalData';
import { given } from './testing/deciderSpecification';
import { admin, eventsOf, issueIn, NOW, sampleCommands, staff } from './testing/fixtures';
import { upcast } from './upcast';

const erase = sampleCommands['erase-personal-data'];

describe('erasing the personal data of an issue', () => {
  it.each(ISSUE_STATUSES)('is allowed to an admin in %s, keeps the status and forgets the resident', (status) => {
    const history = issueIn(status);
    given(history).when(erase).thenEvents([{ type: 'PersonalDataErased', occurredAt: NOW.toISOString() }]).andStatus(status);
    const result = decide(foldIssue(history), erase, { actor: admin, now: NOW });
    if (!result.ok) throw new Error('refused');
    const after = foldIssue([...history, ...result.value]);
    expect(after.status !== 'none' && isErasedPersonalData(after.personal)).toBe(true);
  });

  it('names the subject whose key is destroyed', () => {
    const [logged] = eventsOf([]);
    const sealed = { ...logged, data: { ...(logged as Extract<IssueEvent, { type: 'IssueLogged' }>).data, subjectId: 'subject-1' } } as IssueEvent;
    given([sealed]).when(erase).thenEvents([{ type: 'PersonalDataErased', data: { subjectId: 'subject-1' } }]);
  });

  it.each(['areaManager', 'boardChair', 'officer', 'auditor', 'viewer'] as const)('is refused to %s', (role) => {
    given(eventsOf([])).when(erase, { actor: staff(role, ['*']) }).thenError({ kind: 'forbidden' });
  });

  it('a second erasure records nothing more', () => {
    const history = eventsOf(['erase-personal-data' as never]);
    given(history).when(erase).thenEvents([]);
  });

  it('is never among the workflow commands an issue lists', () => {
    for (const status of ISSUE_STATUSES) expect(allowedCommands({ status, resumeStatus: 'logged' })).not.toContain('erase-personal-data');
  });
});

describe('IssueLogged v1, upcast', () => {
  it('keeps its plaintext personal data and has no subject', () => {
    const data = { reference: 'TROW-2026-00001', title: 'T', description: 'D', category: 'highways', areaId: 'trowbridge', channel: 'phone', location: null, personal: { raisedBy: { name: 'Ada' }, address: null } };
    const event = upcast({ type: 'IssueLogged', data, occurredAt: NOW.toISOString(), schemaVersion: 1 });
    expect(event.data).toEqual({ ...data, subjectId: null, workflowVersion: 1, policyVersion: null });
    const issue = foldIssue([event]);
    expect(issue.status !== 'none' && issue.subjectId).toBeNull();
  });
});
