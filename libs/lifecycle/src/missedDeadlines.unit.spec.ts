import { decide } from './decide';
import { bankHolidayCalendar } from './deadlines/workingCalendar';
import { foldIssue } from './evolve';
import type { CommandName, IssueCommand } from './issueCommands';
import type { IssueEvent, IssueLogged } from './issueEvents';
import type { Issue } from './issueState';
import { deadlinesOf, type DeadlineRules, missedDeadlineEvents } from './missedDeadlines';
import { admin, sampleCommands } from './testing/fixtures';

const RULES: DeadlineRules = { policyVersion: '2026-1', targets: { acknowledge: 2, resolve: 5, feedBack: 3 }, calendar: bankHolidayCalendar('GB-ENG') };

type Step = readonly [CommandName, string] | readonly [CommandName, string, IssueCommand];

/** Commands decided one after another, each at its own instant (the injected clock's reading). */
function historyOf(steps: readonly Step[]): IssueEvent[] {
  const events: IssueEvent[] = [];
  for (const [name, at, command] of steps) {
    const base = command ?? sampleCommands[name];
    const withPolicy = base.type === 'log' ? { ...base, data: { ...base.data, policyVersion: '2026-1' } } : base;
    const result = decide(foldIssue(events), withPolicy, { actor: admin, now: new Date(at) });
    if (!result.ok) throw new Error(`${name} refused: ${JSON.stringify(result.error)}`);
    events.push(...result.value);
  }
  return events;
}

const issueOf = (events: IssueEvent[]) => foldIssue(events) as Issue;
const viewOf = (events: IssueEvent[], today: string) => Object.fromEntries(deadlinesOf(issueOf(events), RULES, today).map((view) => [view.kind, view]));
// Monday 23 November 2026.
const LOGGED: Step = ['log', '2026-11-23T10:00:00Z'];

describe('deadlines in the fold: facts that dueAt and state are worked out from', () => {
  it('a new issue has acknowledge and resolve deadlines, running, counted in working days after the day it was logged', () => {
    expect(viewOf(historyOf([LOGGED]), '2026-11-23')).toEqual({
      acknowledge: { kind: 'acknowledge', dueAt: '2026-11-25', workingDays: 2, pausedDays: 0, state: 'running' },
      resolve: { kind: 'resolve', dueAt: '2026-11-30', workingDays: 5, pausedDays: 0, state: 'running' },
    });
  });

  it('the first command but notes and upgrade-workflow acknowledges; a note does not', () => {
    const noted = historyOf([LOGGED, ['notes', '2026-11-24T09:00:00Z']]);
    expect(viewOf(noted, '2026-11-24').acknowledge.state).toBe('running');
    const assigned = historyOf([LOGGED, ['notes', '2026-11-24T09:00:00Z'], ['assign', '2026-11-25T16:00:00Z']]);
    expect(viewOf(assigned, '2026-12-10').acknowledge.state).toBe('met');
  });

  it('waiting on the resident pauses the resolve clock on each working day from the asking up to, not including, the reply', () => {
    // Asked Thursday 26th, replied Wednesday 2 December: paused 26, 27, 30 Nov and 1 Dec.
    const events = historyOf([LOGGED, ['refer', '2026-11-24T09:00:00Z'], ['await-resident', '2026-11-26T09:00:00Z'], ['resident-replied', '2026-12-02T09:00:00Z']]);
    expect(viewOf(events, '2026-12-02').resolve).toMatchObject({ dueAt: '2026-12-04', pausedDays: 4, state: 'running' });
    const waiting = events.slice(0, 3);
    expect(viewOf(waiting, '2026-12-01').resolve).toMatchObject({ state: 'paused', pausedDays: 4 });
  });

  it('a board meeting still ahead holds the resolve clock until its day', () => {
    // Scheduled on the 24th for 3 December: 24 Nov to 2 Dec are paused (7 working days).
    const command: IssueCommand = { type: 'board-review', data: { meetingDate: '2026-12-03', report: 'For the board.' } };
    const events = historyOf([LOGGED, ['board-review', '2026-11-24T09:00:00Z', command]]);
    expect(viewOf(events, '2026-11-24').resolve).toMatchObject({ dueAt: '2026-12-09', pausedDays: 7, state: 'paused' });
    expect(viewOf(events, '2026-12-03').resolve.state).toBe('running');
    // Referred on the 26th instead: the meeting no longer holds it from then on.
    const referred = historyOf([LOGGED, ['board-review', '2026-11-24T09:00:00Z', command], ['refer', '2026-11-26T09:00:00Z']]);
    expect(viewOf(referred, '2026-11-26').resolve).toMatchObject({ dueAt: '2026-12-02', pausedDays: 2, state: 'running' });
  });

  it('resolving ends the resolve deadline and starts feedBack; a reopening gives fresh ones counted from it', () => {
    const resolved = historyOf([LOGGED, ['refer', '2026-11-24T09:00:00Z'], ['resolve', '2026-11-27T09:00:00Z']]);
    expect(viewOf(resolved, '2026-11-27')).toMatchObject({ resolve: { state: 'met' }, feedBack: { dueAt: '2026-12-02', state: 'running' } });
    const reopened = historyOf([LOGGED, ['refer', '2026-11-24T09:00:00Z'], ['resolve', '2026-11-27T09:00:00Z'], ['feed-back', '2026-11-30T09:00:00Z'], ['reopen', '2026-12-07T09:00:00Z']]);
    const issue = issueOf(reopened);
    expect(issue.cycle).toBe(1);
    expect(deadlinesOf(issue, RULES, '2026-12-07').map(({ kind, dueAt, state }) => ({ kind, dueAt, state }))).toEqual([
      { kind: 'acknowledge', dueAt: '2026-11-25', state: 'met' },
      { kind: 'resolve', dueAt: '2026-12-14', state: 'running' },
    ]);
  });

  it('an issue without a policy version (logged before service levels) has no deadlines', () => {
    const [logged] = historyOf([LOGGED]) as [IssueLogged];
    const old = foldIssue([{ ...logged, data: { ...logged.data, policyVersion: null } }]) as Issue;
    expect(deadlinesOf(old, RULES, '2026-12-31')).toEqual([]);
    expect(missedDeadlineEvents(old, RULES, new Date('2026-12-31T12:00:00Z'))).toEqual([]);
  });
});

describe('missedDeadlineEvents: what the system records when a deadline passes', () => {
  const afterAcknowledgeDue = new Date('2026-11-26T00:30:00Z');

  it('records DeadlineMissed and IssueEscalated once the end of dueAt has passed, and nothing on dueAt itself', () => {
    const events = historyOf([LOGGED]);
    expect(missedDeadlineEvents(issueOf(events), RULES, new Date('2026-11-25T23:30:00Z'))).toEqual([]);
    expect(missedDeadlineEvents(issueOf(events), RULES, afterAcknowledgeDue)).toEqual([
      { type: 'DeadlineMissed', occurredAt: afterAcknowledgeDue.toISOString(), data: { kind: 'acknowledge', dueAt: '2026-11-25', policyVersion: '2026-1', cycle: 0 } },
      { type: 'IssueEscalated', occurredAt: afterAcknowledgeDue.toISOString(), data: { to: 'boardChair', kind: 'acknowledge', cycle: 0 } },
    ]);
  });

  it('records each deadline once: after its events are in the stream, nothing more', () => {
    const events = historyOf([LOGGED]);
    const recorded = [...events, ...missedDeadlineEvents(issueOf(events), RULES, afterAcknowledgeDue)];
    expect(missedDeadlineEvents(issueOf(recorded), RULES, afterAcknowledgeDue)).toEqual([]);
    expect(viewOf(recorded, '2026-11-26').acknowledge.state).toBe('missed');
  });

  it('records oldest first when several have passed', () => {
    const events = historyOf([LOGGED]);
    const kinds = missedDeadlineEvents(issueOf(events), RULES, new Date('2026-12-15T12:00:00Z')).filter((event) => event.type === 'DeadlineMissed').map((event) => event.data.kind);
    expect(kinds).toEqual(['acknowledge', 'resolve']);
  });

  it('records nothing for a met deadline, a paused one, or a withdrawn issue', () => {
    const acknowledged = historyOf([LOGGED, ['refer', '2026-11-24T09:00:00Z']]);
    expect(missedDeadlineEvents(issueOf(acknowledged), RULES, afterAcknowledgeDue)).toEqual([]);
    const waiting = historyOf([LOGGED, ['refer', '2026-11-24T09:00:00Z'], ['await-resident', '2026-11-25T09:00:00Z']]);
    expect(missedDeadlineEvents(issueOf(waiting), RULES, new Date('2026-12-20T12:00:00Z'))).toEqual([]);
    const withdrawn = historyOf([LOGGED, ['withdraw', '2026-11-24T09:00:00Z']]);
    expect(missedDeadlineEvents(issueOf(withdrawn), RULES, new Date('2026-12-20T12:00:00Z'))).toEqual([]);
  });

  it("the system's events do not bound a later command's occurredAt, and an ending dated on time is met", () => {
    const events = historyOf([LOGGED]);
    const recorded = [...events, ...missedDeadlineEvents(issueOf(events), RULES, afterAcknowledgeDue)];
    // The referral happened on the 25th and is recorded on the 26th, after the system's events.
    const refer = decide(issueOf(recorded), sampleCommands.refer, { actor: admin, now: new Date('2026-11-26T10:00:00Z'), occurredAt: '2026-11-25T15:00:00Z' });
    if (!refer.ok) throw new Error(JSON.stringify(refer.error));
    expect(viewOf([...recorded, ...refer.value], '2026-11-26').acknowledge.state).toBe('met');
  });
});
