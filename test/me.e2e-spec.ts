import { sign } from 'jsonwebtoken';
import { ISSUE_COMMAND_NAMES } from '@app/lifecycle';
import { bearer, JWT_SECRET, useTestApp } from './support/testApp';

/*
 * GET /me: the console asks it who the token belongs to, and offers only the steps that role may
 * take. The expected commands are the contract's roles column written out here, not read from
 * the code under test (except the whole list, for admin).
 */
describe('GET /me: who the token says the caller is, and what their role may do', () => {
  const api = useTestApp('sqlite');

  it.each([
    ['areaManager', ['refer', 'board-review', 'resolve', 'feed-back', 'reopen', 'withdraw', 'assign', 'notes', 'await-resident', 'resident-replied', 'record-confirmation']],
    ['boardChair', ['roundtable', 'resolve', 'assign', 'notes']],
    ['officer', ['resolve', 'notes', 'await-resident', 'resident-replied']],
    ['auditor', []],
    ['viewer', []],
  ] as const)('a %s may run exactly the commands of its row of the contract', async (role, commands) => {
    const answer = await api.http.get('/me').set('Authorization', bearer(role, ['trowbridge', 'melksham'], `${role}-7`)).expect(200);
    expect(answer.body).toEqual({ id: `${role}-7`, name: `E2E ${role}`, role, areas: ['trowbridge', 'melksham'], commands: [...commands].sort((a, b) => ISSUE_COMMAND_NAMES.indexOf(a) - ISSUE_COMMAND_NAMES.indexOf(b)) });
  });

  it('an admin may run every workflow step, in every area', async () => {
    const answer = await api.http.get('/me').set('Authorization', bearer('admin', ['*'])).expect(200);
    expect(answer.body).toMatchObject({ role: 'admin', areas: ['*'], commands: [...ISSUE_COMMAND_NAMES] });
    expect(answer.body.commands).toHaveLength(12);
  });

  it('a token without a name is shown by its subject', async () => {
    const token = sign({ sub: 'officer-no-name', role: 'officer', areas: ['trowbridge'] }, JWT_SECRET, { algorithm: 'HS256', expiresIn: 60 });
    const answer = await api.http.get('/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(answer.body).toMatchObject({ id: 'officer-no-name', name: 'officer-no-name' });
  });

  it('no token, or a forged one, is 401', async () => {
    await api.http.get('/me').expect(401);
    const forged = sign({ sub: 'x', name: 'X', role: 'admin', areas: ['*'] }, `not-${JWT_SECRET}`, { algorithm: 'HS256', expiresIn: 60 });
    await api.http.get('/me').set('Authorization', `Bearer ${forged}`).expect(401);
  });
});
