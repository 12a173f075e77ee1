import type { Actor, Role } from '../actor';
import { decide, type DecisionContext } from '../decide';
import { foldIssue } from '../evolve';
import type { CommandName, IssueCommand } from '../issueCommands';
import type { IssueEvent } from '../issueEvents';
import type { IssueStatus } from '../issueStatus';

export const NOW = new Date('2026-11-23T12:00:00.000Z');
export const AREA = 'trowbridge';

export const staff = (role: Role, areas: readonly string[] = [AREA]): Actor => ({ kind: 'staff', id: `${role}-1`, role, areas });
export const admin: Actor = staff('admin', ['*']);

type CommandOf<K extends CommandName> = Extract<IssueCommand, { type: K }>;

/** A valid example of every command. */
export const sampleCommands: { [K in CommandName]: CommandOf<K> } = {
  log: {
    type: 'log',
    data: {
      reference: 'TROW-2026-00001',
      title: 'Pothole on Castle Street',
      description: 'A deep pothole outside number 12.',
      category: 'highways',
      areaId: AREA,
      channel: 'phone',
      location: { lat: 51.319, lng: -2.208, address: '12 Castle Street' },
      raisedBy: { name: 'Ada Resident', email: 'ada@example.org' },
    },
  },
  refer: { type: 'refer', data: { serviceProvider: 'Highways', note: 'urgent' } },
  'board-review': { type: 'board-review', data: { meetingDate: '2026-12-01', report: 'Residents ask for repair.' } },
  roundtable: { type: 'roundtable', data: { date: '2026-12-10', participants: ['Cllr Smith', 'Highways officer'] } },
  resolve: { type: 'resolve', data: { outcome: 'Repaired on 5 December.' } },
  'feed-back': { type: 'feed-back', data: { message: 'We fixed it.', channel: 'email' } },
  reopen: { type: 'reopen', data: { reason: 'It has reopened.' } },
  withdraw: { type: 'withdraw', data: { reason: 'Resident moved away.' } },
  assign: { type: 'assign', data: { officer: 'officer-7', dueBy: '2026-12-20' } },
  notes: { type: 'notes', data: { text: 'Called the resident.', public: false } },
  'erase-personal-data': { type: 'erase-personal-data', data: {} },
  'await-resident': { type: 'await-resident', data: { question: 'Which lamp post is it?' } },
  'resident-replied': { type: 'resident-replied', data: { answer: 'The one by the school gate.' } },
  'upgrade-workflow': { type: 'upgrade-workflow', data: {} },
  'record-confirmation': { type: 'record-confirmation', data: { confirmed: true, channel: 'phone' } },
};

/** One way to bring a freshly logged issue to each status. */
export const PATH_TO: Record<IssueStatus, CommandName[]> = {
  logged: [],
  referred: ['refer'],
  boardReview: ['board-review'],
  roundtable: ['board-review', 'roundtable'],
  resolved: ['refer', 'resolve'],
  fedBack: ['refer', 'resolve', 'feed-back'],
  withdrawn: ['withdraw'],
  awaitingResident: ['await-resident'],
};

/** Run commands through `decide` from nothing and return the events they record. */
export function eventsOf(commands: CommandName[], context: Partial<DecisionContext> = {}): IssueEvent[] {
  const events: IssueEvent[] = [];
  for (const name of ['log' as const, ...commands]) {
    const result = decide(foldIssue(events), sampleCommands[name], { actor: admin, now: NOW, ...context });
    if (!result.ok) throw new Error(`setting up: ${name} refused: ${JSON.stringify(result.error)}`);
    events.push(...result.value);
  }
  return events;
}

export const issueIn = (status: IssueStatus): IssueEvent[] => eventsOf(PATH_TO[status]);
