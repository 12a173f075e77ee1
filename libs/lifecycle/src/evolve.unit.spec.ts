import { allowedCommands } from './allowedCommands';
import { evolve, foldIssue } from './evolve';
import type { Issue } from './issueState';
import { eventsOf, issueIn, NOW, sampleCommands } from './testing/fixtures';

const fold = (commands: Parameters<typeof eventsOf>[0]) => foldIssue(eventsOf(commands)) as Issue;

describe('evolve: what the state of an issue knows', () => {
  it('a logged issue carries what was raised, at version 1', () => {
    expect(fold([])).toEqual({
      status: 'logged',
      version: 1,
      reference: 'TROW-2026-00001',
      title: 'Pothole on Castle Street',
      description: 'A deep pothole outside number 12.',
      category: 'highways',
      areaId: 'trowbridge',
      channel: 'phone',
      location: { lat: 51.319, lng: -2.208 },
      personal: { raisedBy: { name: 'Ada Resident', email: 'ada@example.org' }, address: '12 Castle Street' },
      subjectId: null,
      serviceProvider: null,
      officer: null,
      dueBy: null,
      outcome: null,
      loggedAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      resolvedAt: null,
      fedBackAt: null,
      workflowVersion: 2,
      resumeStatus: null,
      policyVersion: null,
      deadlineClocks: [
        { kind: 'acknowledge', cycle: 0, startedOn: '2026-11-23', endedOn: null, pauses: [], stoppedOn: null, missedRecorded: false },
        { kind: 'resolve', cycle: 0, startedOn: '2026-11-23', endedOn: null, pauses: [], stoppedOn: null, missedRecorded: false },
      ],
      cycle: 0,
    });
  });

  it('counts every event in the version, including those that keep the status', () => {
    expect(fold(['assign', 'notes', 'refer'])).toMatchObject({ status: 'referred', version: 4 });
  });

  it('records the service provider, the officer and the due date', () => {
    expect(fold(['refer', 'assign'])).toMatchObject({
      serviceProvider: sampleCommands.refer.data.serviceProvider,
      officer: sampleCommands.assign.data.officer,
      dueBy: sampleCommands.assign.data.dueBy,
    });
  });

  it('records the outcome with when it was resolved and fed back', () => {
    expect(fold(['refer', 'resolve', 'feed-back'])).toMatchObject({
      status: 'fedBack',
      outcome: sampleCommands.resolve.data.outcome,
      resolvedAt: NOW.toISOString(),
      fedBackAt: NOW.toISOString(),
    });
  });

  it('forgets the outcome when the resident disputes it and the issue is reopened', () => {
    expect(fold(['refer', 'resolve', 'feed-back', 'reopen'])).toMatchObject({
      status: 'logged',
      outcome: null,
      resolvedAt: null,
      fedBackAt: null,
      serviceProvider: sampleCommands.refer.data.serviceProvider,
    });
    expect(allowedCommands({ status: 'logged' })).toContain('refer');
  });

  it('clears the outcome on reopen but keeps the officer and dueBy until reassigned (overdue counts by the last dueBy)', () => {
    expect(fold(['refer', 'assign', 'resolve', 'feed-back', 'reopen'])).toMatchObject({ status: 'logged', dueBy: sampleCommands.assign.data.dueBy, officer: sampleCommands.assign.data.officer });
  });

  it('applies a recorded fact the machine would not allow there, where the machine says it leads', () => {
    const [, referred, resolved] = eventsOf(['refer', 'resolve']);
    const withdrawn = foldIssue(issueIn('withdrawn'));
    expect(evolve(withdrawn, resolved)).toMatchObject({ status: 'resolved', outcome: sampleCommands.resolve.data.outcome, version: withdrawn.version + 1 });
    expect(evolve(withdrawn, eventsOf(['notes'])[1])).toMatchObject({ status: 'withdrawn' });
    expect(foldIssue([referred])).toMatchObject({ status: 'referred', version: 1, serviceProvider: sampleCommands.refer.data.serviceProvider });
  });
});
