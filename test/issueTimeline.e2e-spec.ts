import { randomUUID } from 'node:crypto';
import type { Role } from '@app/lifecycle';
import { mintToken } from '../apps/api/src/auth/token';
import { admin, command, type IssueBody, raise } from './support/issueRequests';
import { bearer, JWT_SECRET, STORES, useTestApp } from './support/testApp';

/** A member of staff whose token carries their name, as the console's tokens do. */
const named = (sub: string, name: string, role: Role, areas = ['trowbridge']) => `Bearer ${mintToken(JWT_SECRET, { sub, name, role, areas })}`;

const morgan = named('manager-morgan', 'Morgan Price', 'areaManager');
const olu = named('officer-olu', 'Olu Adeyemi', 'officer');
const cass = named('chair-cass', 'Cass Whitfield', 'boardChair');
/** A token without a name (an empty claim counts as none): the timeline names them by their id. */
const unnamedOfficer = named('officer-unnamed', '', 'officer');
const melkshamAuditor = named('auditor-melksham', 'Ash Auditor', 'auditor', ['melksham']);
const melkshamOfficer = named('officer-melksham', 'Mel Officer', 'officer', ['melksham']);
const eraser = named('admin-ade', 'Ade Admin', 'admin', ['*']);

interface Step {
  version: number;
  type: string;
  status: string;
  at: string;
  actor: { id: string; name: string; role: string };
  summary: string;
  note?: string;
  public: boolean;
}

describe.each(STORES)('GET /issues/:id/timeline, the console’s issue page, on %s', (kind) => {
  const api = useTestApp(kind);
  const timeline = (idOrReference: string, auth: string) => api.http.get(`/issues/${idOrReference}/timeline`).set('Authorization', auth);

  /** Runs a command as `auth`, failing loudly; answers the issue as it then is. */
  async function run(issue: IssueBody, name: string, auth: string, body: Record<string, unknown> = {}): Promise<IssueBody> {
    const response = await command(api.http, issue, name, body, auth);
    if (response.status !== 200) throw new Error(`${name} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as IssueBody;
  }

  let walked: IssueBody;
  beforeAll(async () => {
    // Raised by a resident online: no token.
    walked = await raise(api.http, { title: 'Streetlight out on Wicker Hill' });
    walked = await run(walked, 'assign', cass, { officer: 'officer-olu', dueBy: '2027-01-15' });
    walked = await run(walked, 'notes', olu, { text: 'Spoke to the lighting contractor.', public: false });
    walked = await run(walked, 'notes', unnamedOfficer, { text: 'A repair is booked for next week.', public: true });
    walked = await run(walked, 'refer', morgan, { serviceProvider: 'Wiltshire Lighting', note: 'Third report this winter' });
    walked = await run(walked, 'await-resident', olu, { question: 'Which lamp post is it?' });
    walked = await run(walked, 'resident-replied', olu, { answer: 'The one outside the chapel.' });
    walked = await run(walked, 'resolve', olu, { outcome: 'Lamp replaced.' });
    walked = await run(walked, 'feed-back', morgan, { message: 'The lamp was replaced; thank you.', channel: 'email' });
  });

  it('gives every event in order: its status after, who by name, its words, and whether residents see it', async () => {
    const { body } = await timeline(walked.id, olu).expect(200);
    expect(body.map((step: Step) => [step.version, step.type, step.status, step.actor.name, step.note, step.public])).toEqual([
      [1, 'IssueLogged', 'logged', 'Resident', undefined, true],
      [2, 'OfficerAssigned', 'logged', 'Cass Whitfield', undefined, false],
      [3, 'NoteAdded', 'logged', 'Olu Adeyemi', 'Spoke to the lighting contractor.', false],
      [4, 'NoteAdded', 'logged', 'officer-unnamed', 'A repair is booked for next week.', true],
      [5, 'IssueReferred', 'referred', 'Morgan Price', 'Third report this winter', true],
      [6, 'ResidentAsked', 'awaitingResident', 'Olu Adeyemi', 'Which lamp post is it?', true],
      [7, 'ResidentReplied', 'referred', 'Olu Adeyemi', 'The one outside the chapel.', true],
      [8, 'IssueResolved', 'resolved', 'Olu Adeyemi', 'Lamp replaced.', true],
      [9, 'OutcomeFedBack', 'fedBack', 'Morgan Price', 'The lamp was replaced; thank you.', true],
    ]);
    expect(body).toHaveLength(walked.version);
  });

  it('answers the contract’s shape, with the actor’s id and role beside the name, and no hashes', async () => {
    const { body } = await timeline(walked.id, morgan).expect(200);
    const { body: history } = await api.http.get(`/issues/${walked.id}/history`).set('Authorization', admin).expect(200);
    expect(body[0]).toEqual({
      version: 1,
      type: 'IssueLogged',
      status: 'logged',
      at: history.events[0].occurredAt,
      actor: { id: 'anonymous', name: 'Resident', role: 'resident' },
      summary: '"Streetlight out on Wicker Hill" (highways) in trowbridge via online',
      public: true,
    });
    expect(body[1]).toEqual({
      version: 2,
      type: 'OfficerAssigned',
      status: 'logged',
      at: history.events[1].occurredAt,
      actor: { id: 'chair-cass', name: 'Cass Whitfield', role: 'boardChair' },
      summary: 'to officer-olu, due by 2027-01-15',
      public: false,
    });
    expect(body[4].actor).toEqual({ id: 'manager-morgan', name: 'Morgan Price', role: 'areaManager' });
    // The history keeps the contract's actor: who and in what capacity, the recorded name aside.
    expect(history.events[4].actor).toEqual({ id: 'manager-morgan', role: 'areaManager' });
  });

  it('leaves verify ok with the names recorded in the events', async () => {
    const { body } = await api.http.get('/audit/verify').set('Authorization', admin).expect(200);
    expect(body).toMatchObject({ ok: true });
  });

  it('lets in staff of the issue’s area, an auditor of any area and admin; by id or reference', async () => {
    for (const auth of [morgan, cass, olu, melkshamAuditor, admin]) await timeline(walked.id, auth).expect(200);
    const byReference = await timeline(walked.reference, melkshamAuditor).expect(200);
    expect(byReference.body).toEqual((await timeline(walked.id, olu).expect(200)).body);
  });

  it('refuses staff of another area (403), viewers (403) and anonymous callers (401); 404 for an unknown issue', async () => {
    const other = await timeline(walked.id, melkshamOfficer).expect(403);
    expect(other.body.message).toMatch(/you do not serve area trowbridge/);
    await timeline(walked.id, bearer('viewer', ['*'])).expect(403);
    await api.http.get(`/issues/${walked.id}/timeline`).expect(401);
    await timeline(randomUUID(), admin).expect(404);
    await timeline('TROW-1999-99999', admin).expect(404);
  });

  it('shows an erased resident’s answer as "[erased]", and the erasure by name', async () => {
    let issue = await raise(api.http, { title: 'Fly-tipping behind the library' });
    issue = await run(issue, 'await-resident', olu, { question: 'Did you see who left it?' });
    issue = await run(issue, 'resident-replied', olu, { answer: 'My neighbour Bob Smith at number 4.' });
    const before = await timeline(issue.id, morgan).expect(200);
    expect(before.body.at(-1)).toMatchObject({ type: 'ResidentReplied', note: 'My neighbour Bob Smith at number 4.' });

    await api.http.post(`/issues/${issue.id}/erase-personal-data`).set('Authorization', eraser).send({}).expect(200);
    const { body } = await timeline(issue.id, morgan).expect(200);
    expect(body.map((step: Step) => [step.type, step.note])).toEqual([
      ['IssueLogged', undefined],
      ['ResidentAsked', 'Did you see who left it?'],
      ['ResidentReplied', '[erased]'],
      ['PersonalDataErased', undefined],
    ]);
    expect(body.at(-1)).toMatchObject({ status: 'logged', public: false, actor: { id: 'admin-ade', name: 'Ade Admin', role: 'admin' } });
    expect(JSON.stringify(body)).not.toMatch(/Bob Smith|number 4/);
    expect((await api.http.get('/audit/verify').set('Authorization', admin).expect(200)).body).toMatchObject({ ok: true });
  });
});
