import { allowedCommands } from './allowedCommands';
import { decide } from './decide';
import { foldIssue } from './evolve';
import type { IssueEvent, IssueLogged } from './issueEvents';
import type { Issue } from './issueState';
import { ASKING_STATUSES } from './issueStatus';
import { given } from './testing/deciderSpecification';
import { admin, eventsOf, NOW, PATH_TO, sampleCommands, staff } from './testing/fixtures';

/** The same history as a release of workflow version 1 stored it: IssueLogged without the v3 fields. */
function asVersionOne(events: IssueEvent[]): IssueEvent[] {
  const [logged, ...rest] = events as [IssueLogged, ...IssueEvent[]];
  return [{ ...logged, data: { ...logged.data, workflowVersion: 1, policyVersion: null } }, ...rest];
}

describe('workflow version 2: waiting on the resident', () => {
  it.each(ASKING_STATUSES)('from %s, await-resident waits and resident-replied goes back there', (status) => {
    const history = eventsOf([...PATH_TO[status], 'await-resident']);
    const waiting = foldIssue(history) as Issue;
    expect(waiting).toMatchObject({ status: 'awaitingResident', resumeStatus: status });
    expect(allowedCommands(waiting)).toEqual(['assign', 'notes', 'resident-replied']);
    given(history).when(sampleCommands['resident-replied']).thenEvents([{ type: 'ResidentReplied' }]).andStatus(status);
  });

  it('refuses to resolve or withdraw while waiting, naming what is allowed', () => {
    const history = eventsOf(['refer', 'await-resident']);
    for (const command of ['resolve', 'withdraw', 'await-resident'] as const) {
      given(history).when(sampleCommands[command]).thenError({ kind: 'illegal-transition', status: 'awaitingResident', allowedCommands: ['assign', 'notes', 'resident-replied'] });
    }
  });

  it('lets officers and area managers ask, not board chairs', () => {
    const logged = eventsOf([]);
    given(logged).when(sampleCommands['await-resident'], { actor: staff('officer') }).thenEvents([{ type: 'ResidentAsked' }]);
    given(logged).when(sampleCommands['await-resident'], { actor: staff('boardChair') }).thenError({ kind: 'forbidden' });
  });
});

describe('workflow versions: an issue is decided under the version it was written under', () => {
  const v1 = asVersionOne(eventsOf(['refer']));

  it('a version-1 issue folds and offers exactly the version-1 commands', () => {
    const issue = foldIssue(v1) as Issue;
    expect(issue.workflowVersion).toBe(1);
    expect(allowedCommands(issue)).toEqual(['board-review', 'resolve', 'withdraw', 'assign', 'notes']);
    given(v1).when(sampleCommands['await-resident']).thenError({ kind: 'illegal-transition', status: 'referred' });
  });

  it('upgrade-workflow (admin) records WorkflowUpgraded, after which the version-2 commands are offered', () => {
    const result = decide(foldIssue(v1), sampleCommands['upgrade-workflow'], { actor: admin, now: NOW });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value).toEqual([{ type: 'WorkflowUpgraded', occurredAt: NOW.toISOString(), data: { from: 1, to: 2 } }]);
    const upgraded = foldIssue([...v1, ...result.value]) as Issue;
    expect(upgraded).toMatchObject({ status: 'referred', workflowVersion: 2, version: 3 });
    expect(allowedCommands(upgraded)).toContain('await-resident');
    given([...v1, ...result.value]).when(sampleCommands['await-resident']).thenEvents([{ type: 'ResidentAsked' }]).andStatus('awaitingResident');
  });

  it('upgrade-workflow at the newest version records nothing; only admin may ask', () => {
    given(eventsOf(['refer'])).when(sampleCommands['upgrade-workflow']).thenEvents([]);
    given(v1).when(sampleCommands['upgrade-workflow'], { actor: staff('areaManager') }).thenError({ kind: 'forbidden' });
  });

  it('upgrades in any status, a withdrawn issue included, keeping the status', () => {
    const withdrawn = asVersionOne(eventsOf(['withdraw']));
    given(withdrawn).when(sampleCommands['upgrade-workflow']).thenEvents([{ type: 'WorkflowUpgraded' }]).andStatus('withdrawn');
  });

  it('never lists upgrade-workflow among the workflow commands', () => {
    expect(allowedCommands(foldIssue(v1) as Issue)).not.toContain('upgrade-workflow');
  });
});
