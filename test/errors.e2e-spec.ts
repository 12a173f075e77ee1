import { sign } from 'jsonwebtoken';
import { admin, auditor, chair, command, intake, manager, officer, raise } from './support/issueRequests';
import { bearer, JWT_SECRET, STORES, useTestApp } from './support/testApp';

describe.each(STORES)('errors, authentication and area scoping, on %s', (kind) => {
  const api = useTestApp(kind);

  const version = async (id: string) => (await api.http.get(`/issues/${id}`).set('Authorization', admin).expect(200)).body.version;

  describe('400: bad input, with every bad field named, and nothing stored', () => {
    it('names each missing or invalid field of an intake', async () => {
      const { body } = await api.http
        .post('/issues')
        .send({ title: 'x', category: 'weather', areaId: 'trowbridge', channel: 'pigeon', raisedBy: { email: 'not-an-email' } })
        .expect(400);
      const message = (body.message as string[]).join('\n');
      for (const field of ['title', 'description', 'category', 'channel', 'raisedBy.name', 'raisedBy.email']) {
        expect(message).toContain(field);
      }
      expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    });

    it('rejects unknown fields, at the top and nested', async () => {
      const { body } = await api.http
        .post('/issues')
        .send(intake({ priority: 'high', raisedBy: { name: 'Ada', age: 40 } }))
        .expect(400);
      expect(body.message).toEqual(expect.arrayContaining(['property priority should not exist', 'raisedBy.property age should not exist']));
    });

    it('answers malformed JSON with 400, not 500', async () => {
      const { body } = await api.http.post('/issues').set('Content-Type', 'application/json').send('{"title": "Pothole",').expect(400);
      expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    });

    it('answers a JSON array with 400, and a body that is not JSON with 415', async () => {
      await api.http.post('/issues').set('Content-Type', 'application/json').send('[1, 2]').expect(400);
      await api.http.post('/issues').set('Content-Type', 'text/plain').send('hello').expect(415);
    });

    it('refuses text that is only white space', async () => {
      const { body } = await api.http.post('/issues').send(intake({ title: '     ', raisedBy: { name: ' ' } })).expect(400);
      expect(body.message).toEqual(expect.arrayContaining(['title must not be blank', 'raisedBy.name must not be blank']));
    });

    it('refuses an area that does not exist', async () => {
      const { body } = await api.http.post('/issues').send(intake({ areaId: 'atlantis' })).expect(400);
      expect(body.message.join()).toContain('areaId');
    });

    it('refuses NUL characters in text', async () => {
      await api.http.post('/issues').send(intake({ title: 'Pot\u0000hole' })).expect(400);
    });

    it('requires expectedVersion as an integer on every command but intake', async () => {
      const issue = await raise(api.http);
      for (const expectedVersion of [undefined, '1', 1.5, -1]) {
        const { body } = await command(api.http, issue, 'refer', { expectedVersion }).expect(400);
        expect(body.message.join()).toContain('expectedVersion');
      }
      expect(await version(issue.id)).toBe(1);
    });

    it('checks command fields: participants must be a non-empty list of names', async () => {
      const issue = await raise(api.http);
      const reviewed = (await command(api.http, issue, 'board-review').expect(200)).body;
      for (const participants of [[], 'Cllr Smith', [42]]) {
        const { body } = await command(api.http, reviewed, 'roundtable', { participants }).expect(400);
        expect(body.message.join()).toContain('participants');
      }
    });

    it('applies the occurredAt rules', async () => {
      const issue = await raise(api.http);
      const day = 86_400_000;
      const at = (ms: number) => new Date(Date.now() + ms).toISOString();
      const future = await command(api.http, issue, 'assign', { occurredAt: at(60_000) }).expect(400);
      expect(future.body.message.join()).toContain('future');
      const beforeLogged = await command(api.http, issue, 'assign', { occurredAt: at(-day) }).expect(400);
      expect(beforeLogged.body.message.join()).toContain('previous event');
      await command(api.http, issue, 'assign', { occurredAt: 'yesterday' }).expect(400);

      const old = intake({ channel: 'letter', occurredAt: at(-40 * day) });
      const tooOld = await api.http.post('/issues').set('Authorization', manager).send(old).expect(400);
      expect(tooOld.body.message.join()).toContain('30 days');
      const byAdmin = await api.http.post('/issues').set('Authorization', admin).send(old).expect(201);
      expect(byAdmin.body.loggedAt).toBe(old.occurredAt);
      const lastWeek = intake({ channel: 'letter', occurredAt: at(-7 * day) });
      await api.http.post('/issues').set('Authorization', manager).send(lastWeek).expect(201);
    });
  });

  describe('401: who are you?', () => {
    it('requires a token for staff routes', async () => {
      const issue = await raise(api.http);
      await api.http.post(`/issues/${issue.id}/refer`).send({ expectedVersion: 1, serviceProvider: 'x' }).expect(401);
      await api.http.get(`/issues/${issue.id}`).expect(401);
    });

    it('refuses malformed, wrongly signed, expired and ill-claimed tokens', async () => {
      const claims = { sub: 'u1', name: 'U', role: 'areaManager', areas: ['trowbridge'] };
      const tokens = [
        'Basic dXNlcjpwYXNz',
        'Bearer not-a-jwt',
        `Bearer ${sign(claims, 'some-other-secret')}`,
        `Bearer ${sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, JWT_SECRET)}`,
        `Bearer ${sign({ ...claims, role: 'mayor' }, JWT_SECRET)}`,
        `Bearer ${sign({ ...claims, areas: 'trowbridge' }, JWT_SECRET)}`,
        `Bearer ${sign(claims, JWT_SECRET, { algorithm: 'HS512' })}`,
      ];
      for (const token of tokens) {
        const response = await api.http.get('/areas').set('Authorization', token);
        expect({ token, status: response.status }).toEqual({ token, status: 401 });
      }
    });

    it('lets anonymous residents raise issues online only', async () => {
      await api.http.post('/issues').send(intake({ channel: 'phone' })).expect(401);
      await api.http.post('/issues').send(intake({ channel: 'online' })).expect(201);
    });
  });

  describe('403: not yours to do', () => {
    it('refuses a command to a role the contract does not give it', async () => {
      const issue = await raise(api.http);
      await command(api.http, issue, 'refer', {}, officer).expect(403);
      await command(api.http, issue, 'refer', {}, chair).expect(403);
      await command(api.http, issue, 'refer', {}, bearer('viewer')).expect(403);
      await command(api.http, issue, 'refer', {}, auditor).expect(403);
      expect(await version(issue.id)).toBe(1);
    });

    it('keeps staff to the areas they serve, for commands, reads and intake', async () => {
      const issue = await raise(api.http);
      const elsewhere = bearer('areaManager', ['salisbury']);
      await command(api.http, issue, 'refer', {}, elsewhere).expect(403);
      await api.http.get(`/issues/${issue.id}`).set('Authorization', elsewhere).expect(403);
      await api.http.post('/issues').set('Authorization', elsewhere).send(intake({ channel: 'phone' })).expect(403);
      await api.http.post('/issues').set('Authorization', elsewhere).send(intake({ channel: 'phone', areaId: 'salisbury' })).expect(201);
      await command(api.http, issue, 'refer', {}, bearer('areaManager', ['*'])).expect(200);
    });

    it('does not show viewers the personal data in an issue', async () => {
      const issue = await raise(api.http);
      await api.http.get(`/issues/${issue.id}`).set('Authorization', bearer('viewer', ['*'])).expect(403);
    });
  });

  describe('404, 409 and 422', () => {
    it('answers an unknown issue with 404', async () => {
      await api.http.get('/issues/00000000-0000-4000-8000-000000000000').set('Authorization', admin).expect(404);
      await api.http.get('/issues/no-such-thing').set('Authorization', admin).expect(404);
      await api.http
        .post('/issues/00000000-0000-4000-8000-000000000000/refer')
        .set('Authorization', manager)
        .send({ expectedVersion: 1, serviceProvider: 'x' })
        .expect(404);
    });

    it('answers a stale expectedVersion with 409 and the current version, storing nothing', async () => {
      const issue = await raise(api.http);
      await command(api.http, issue, 'assign').expect(200);
      const { body } = await command(api.http, issue, 'refer').expect(409);
      expect(body).toMatchObject({ statusCode: 409, error: 'Conflict', currentVersion: 2 });
      expect(await version(issue.id)).toBe(2);
    });

    it('answers a command the status does not allow with 422, the status and the allowed commands', async () => {
      const issue = await raise(api.http);
      const { body } = await command(api.http, issue, 'feed-back').expect(422);
      expect(body).toEqual({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: expect.stringContaining('feed-back'),
        status: 'logged',
        allowedCommands: ['refer', 'board-review', 'withdraw', 'assign', 'notes', 'await-resident'],
      });
    });
  });

  it('closes unknown routes with 404', async () => {
    await api.http.post('/issues/x/teleport').set('Authorization', admin).send({}).expect(404);
  });
});

describe('429: anonymous rate limit', () => {
  const api = useTestApp('sqlite', { INTAKE_RATE_LIMIT: '3' });

  it('limits anonymous intake to INTAKE_RATE_LIMIT a minute per address, and never staff', async () => {
    for (let i = 0; i < 3; i++) await api.http.post('/issues').send(intake()).expect(201);
    const limited = await api.http.post('/issues').send(intake()).expect(429);
    expect(limited.body).toMatchObject({ statusCode: 429, message: expect.stringContaining('3 a minute') });
    await api.http.post('/issues').set('Authorization', manager).send(intake()).expect(201);
  });
});
