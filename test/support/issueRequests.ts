import type TestAgent from 'supertest/lib/agent';
import { bearer } from './testApp';

export const AREA = 'trowbridge';
export const manager = bearer('areaManager');
export const chair = bearer('boardChair');
export const officer = bearer('officer');
export const admin = bearer('admin', ['*']);
export const auditor = bearer('auditor', ['*']);

/** A valid intake body; override what a test is about. */
export const intake = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  title: 'Pothole on Castle Street',
  description: 'A deep pothole outside number 12, a danger to cyclists.',
  category: 'highways',
  areaId: AREA,
  channel: 'online',
  location: { lat: 51.3192, lng: -2.2083, address: '12 Castle Street, Trowbridge' },
  raisedBy: { name: 'Ada Resident', email: 'ada@example.org', phone: '01225 000000' },
  ...overrides,
});

/** A valid body for each command, and who may run it. */
export const COMMAND_BODIES: Record<string, Record<string, unknown>> = {
  refer: { serviceProvider: 'Wiltshire Highways', note: 'Reported twice this month' },
  'board-review': { meetingDate: '2026-12-03', report: 'Residents ask for a permanent repair.' },
  roundtable: { date: '2026-12-10', participants: ['Cllr Smith', 'Highways officer', 'Town council'] },
  resolve: { outcome: 'Resurfaced on 12 December.' },
  'feed-back': { message: 'The road was resurfaced; thank you for raising it.', channel: 'email' },
  reopen: { reason: 'The pothole has come back.' },
  withdraw: { reason: 'Resident asked to withdraw.' },
  assign: { officer: 'officer-42', dueBy: '2027-01-15' },
  notes: { text: 'Called the resident.', public: false },
  'await-resident': { question: 'Which end of Castle Street is the pothole?' },
  'resident-replied': { answer: 'The end by the church.' },
  'record-confirmation': { confirmed: true, channel: 'phone' },
};

export const WHO_MAY: Record<string, string> = {
  refer: manager,
  'board-review': manager,
  roundtable: chair,
  resolve: officer,
  'feed-back': manager,
  reopen: manager,
  withdraw: manager,
  assign: chair,
  notes: officer,
  'await-resident': officer,
  'resident-replied': officer,
  'record-confirmation': manager,
  'upgrade-workflow': admin,
};

export interface IssueBody {
  id: string;
  reference: string;
  status: string;
  version: number;
  allowedCommands: string[];
  [field: string]: unknown;
}

export async function raise(http: TestAgent, overrides: Record<string, unknown> = {}, auth?: string): Promise<IssueBody> {
  const call = http.post('/issues').send(intake(overrides));
  const response = await (auth ? call.set('Authorization', auth) : call);
  if (response.status !== 201) throw new Error(`intake failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as IssueBody;
}

export function command(http: TestAgent, issue: { id: string; version: number }, name: string, body: Record<string, unknown> = {}, auth = WHO_MAY[name]) {
  return http
    .post(`/issues/${issue.id}/${name}`)
    .set('Authorization', auth)
    .send({ expectedVersion: issue.version, ...COMMAND_BODIES[name], ...body });
}

/** Runs commands in order, each at the version the previous one answered with. */
export async function advance(http: TestAgent, issue: IssueBody, names: string[]): Promise<IssueBody> {
  let current = issue;
  for (const name of names) {
    const response = await command(http, current, name);
    if (response.status !== 200) throw new Error(`${name} failed: ${response.status} ${JSON.stringify(response.body)}`);
    current = response.body as IssueBody;
  }
  return current;
}
