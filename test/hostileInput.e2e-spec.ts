import { request as httpRequest } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import type { EventStoreAdapter } from '@app/event-store';
import { EVENT_STORE } from '../apps/api/src/store/tokens';
import { admin, advance, command, intake, manager, raise } from './support/issueRequests';
import { STORES, useTestApp } from './support/testApp';

/** Sends raw bytes (then closes its side) and collects the answer: for requests no HTTP client would send. */
const exchange = (port: number, raw: string) =>
  new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(raw));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.setTimeout(5_000, () => socket.destroy(new Error('no answer within 5 s')));
  });

/** An array `depth` levels deep, as JSON text (about 2 bytes a level). */
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe.each(STORES)('BODY_LIMIT set by the operator, on %s', (kind) => {
  const api = useTestApp(kind, { BODY_LIMIT: '2kb' });

  it('answers a body over it with 413, and takes one under it', async () => {
    const { body } = await api.http.post('/issues').send(intake({ description: 'x'.repeat(3_000) })).expect(413);
    expect(body).toMatchObject({ statusCode: 413, error: 'Payload Too Large', message: 'the body is larger than BODY_LIMIT (2048 bytes)' });
    await api.http.post('/issues').send(intake({ description: 'x'.repeat(1_000) })).expect(201);
  });
});

describe.each(STORES)('hostile input gets a clear 4xx, on %s', (kind) => {
  const api = useTestApp(kind);
  const eventCount = () => api.app.get<EventStoreAdapter>(EVENT_STORE).countAfter(null);

  /** Posts raw JSON text as an anonymous intake. */
  const postRaw = (text: string, contentType = 'application/json') => api.http.post('/issues').set('Content-Type', contentType).send(text);

  const expectRefusal = (body: Record<string, unknown>, status: number, error: string) => {
    expect(body).toMatchObject({ statusCode: status, error });
    expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(js|ts):\d+|SELECT|INSERT|sqlite|postgres/i);
  };

  describe('text that a store cannot hold as sent', () => {
    it.each([
      ['a lone high surrogate', '\ud800'],
      ['a lone low surrogate', '\udc00'],
      ['surrogates in the wrong order', '\udc00\ud800'],
      ['a NUL character', '\u0000'],
    ])('refuses %s in a title with 400 naming the field, anonymously', async (_, bad) => {
      const { body } = await api.http.post('/issues').send(intake({ title: `Pothole ${bad} here` })).expect(400);
      expectRefusal(body, 400, 'Bad Request');
      expect(body.message.join()).toContain('title');
    });

    it('refuses it however deep: a nested field, an array element, an unknown field, a property name', async () => {
      const cases: Record<string, unknown>[] = [
        intake({ raisedBy: { name: 'Ada \ud83d' } }),
        intake({ location: { lat: 51.3, lng: -2.2, address: '12 Castle St\u0000' } }),
        intake({ extra: { deeper: ['fine', { deepest: '\udfff' }] } }),
        intake({ raisedBy: { name: 'Ada', ['em\ud800ail']: 'ada@example.org' } }),
        intake({ ['\u0000']: 1 }),
      ];
      for (const sent of cases) {
        const { body } = await api.http.post('/issues').send(sent).expect(400);
        expectRefusal(body, 400, 'Bad Request');
      }
    });

    it('refuses property names that reach into prototypes, which validation used to drop silently', async () => {
      const fields = JSON.stringify(intake()).slice(1, -1);
      for (const text of [`{"__proto__": {"admin": true}, ${fields}}`, `{"constructor": {"prototype": {"x": 1}}, ${fields}}`]) {
        const { body } = await postRaw(text).expect(400);
        expect(body.message.join()).toMatch(/property (__proto__|constructor) should not exist/);
      }
    });

    it('refuses it in a command body on an existing issue, with the issue unchanged', async () => {
      const issue = await raise(api.http);
      const reviewed = await advance(api.http, issue, ['board-review']);
      await command(api.http, reviewed, 'roundtable', { participants: ['Cllr Smith', 'Town\ud800 council'] }).expect(400);
      await command(api.http, reviewed, 'roundtable', { participants: ['Cllr Smith', 'Town\u0000 council'] }).expect(400);
      const { body } = await api.http.get(`/issues/${issue.id}`).set('Authorization', admin).expect(200);
      expect(body.version).toBe(reviewed.version);
    });

    it('keeps well-formed text exactly as sent: emoji (surrogate pairs), Welsh, right-to-left', async () => {
      const title = 'Pothole 🚧 ar Stryd y Castell ŵŷ עברית';
      const issue = await raise(api.http, { title, raisedBy: { name: 'Siân 👩‍🔧' } });
      const { body } = await api.http.get(`/issues/${issue.id}`).set('Authorization', admin).expect(200);
      expect(body.title).toBe(title);
    });

    it('refuses NUL in path parameters with 400, from any caller', async () => {
      for (const path of ['/issues/%00', '/issues/TROW-2026-00001%00', '/issues/%00/history']) {
        const { body } = await api.http.get(path).set('Authorization', manager).expect(400);
        expectRefusal(body, 400, 'Bad Request');
      }
      await api.http.post('/issues/%00/refer').set('Authorization', manager).send({ expectedVersion: 1, serviceProvider: 'Highways' }).expect(400);
      await api.http.get('/public/issues/%00').expect(400);
    });

    it('answers a path whose percent-encoding is not UTF-8 (an encoded surrogate) with 400, not 500', async () => {
      for (const path of ['/issues/%ED%A0%80', '/issues/%FF', '/public/issues/%C0%80']) {
        const { body } = await api.http.get(path).set('Authorization', manager);
        expect([400, 404]).toContain(body.statusCode);
      }
    });

    it('refuses NUL in query strings with 400', async () => {
      for (const query of ['status=%00', 'status=logged&q=%00', 'areaId[%00]=x']) {
        const { body } = await api.http.get(`/issues?${query}`).set('Authorization', manager).expect(400);
        expectRefusal(body, 400, 'Bad Request');
      }
      await api.http.get('/public/you-said-we-did?areaId=%00').expect(400);
    });
  });

  describe('a refused request spends nothing', () => {
    it('spends no reference number and appends no event: the next good intake gets the next number', async () => {
      const first = await raise(api.http, { areaId: 'melksham' });
      const before = await eventCount();
      const refusals = [
        intake({ areaId: 'melksham', title: 'Broken \ud800 light' }),
        intake({ areaId: 'melksham', description: 'NUL \u0000' }),
        intake({ areaId: 'melksham', occurredAt: new Date(Date.now() - 60_000).toISOString() }),
      ];
      for (const sent of refusals) await api.http.post('/issues').send(sent).expect(400);
      await postRaw(JSON.stringify(intake({ areaId: 'melksham', extra: JSON.parse(nested(2000)) }))).expect(400);
      expect(await eventCount()).toBe(before);

      const next = await raise(api.http, { areaId: 'melksham' });
      const sequence = (reference: string) => Number(reference.split('-').at(-1));
      expect(sequence(next.reference)).toBe(sequence(first.reference) + 1);
    });
  });

  describe('nesting depth is bounded', () => {
    it('answers an array 2,000 levels deep (about 6 KB) with 400, not 500, at the top and inside a field', async () => {
      for (const text of [nested(2000), `{"title": ${nested(2000)}}`, JSON.stringify(intake({ raisedBy: { name: JSON.parse(nested(2000)) } }))]) {
        const { body } = await postRaw(text).expect(400);
        expectRefusal(body, 400, 'Bad Request');
        expect(JSON.stringify(body.message)).toContain('deep');
      }
    });

    it('answers an object 40,000 levels deep, near the body limit, with 400', async () => {
      const { body } = await postRaw(`${'{"a":'.repeat(16_000)}1${'}'.repeat(16_000)}`).expect(400);
      expectRefusal(body, 400, 'Bad Request');
    });

    it('refuses deep nesting on staff command routes too', async () => {
      const issue = await raise(api.http);
      await api.http
        .post(`/issues/${issue.id}/refer`)
        .set('Authorization', manager)
        .set('Content-Type', 'application/json')
        .send(`{"expectedVersion": 1, "serviceProvider": "Highways", "note": ${nested(100)}}`)
        .expect(400);
    });

    it('refuses deep nesting in query strings', async () => {
      await api.http.get(`/issues?${'a'}${'[b]'.repeat(40)}=1`).set('Authorization', manager).expect(400);
    });
  });

  describe('anonymous intake', () => {
    it('may not set occurredAt: 400 naming it; staff still may', async () => {
      const occurredAt = new Date(Date.now() - 3_600_000).toISOString();
      const { body } = await api.http.post('/issues').send(intake({ occurredAt })).expect(400);
      expect(body.message.join()).toContain('occurredAt');
      const staff = await api.http.post('/issues').set('Authorization', manager).send(intake({ occurredAt })).expect(201);
      expect(staff.body.loggedAt).toBe(occurredAt);
    });

    it('gets an idempotency scope of its own: its client address, not one shared scope', async () => {
      const server = api.app.getHttpServer();
      if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
      const { port } = server.address() as AddressInfo;
      const post = (localAddress: string, body: Record<string, unknown>) =>
        new Promise<{ status: number; body: { reference?: string } }>((resolve, reject) => {
          const text = JSON.stringify(body);
          const call = httpRequest(
            { host: '127.0.0.1', port, localAddress, method: 'POST', path: '/issues', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'same-key-for-all' } },
            (response) => {
              let received = '';
              response.on('data', (chunk: Buffer) => (received += chunk.toString()));
              response.on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(received) }));
            },
          );
          call.on('error', reject);
          call.end(text);
        });

      const ada = await post('127.0.0.2', intake({ title: 'Ada: broken streetlight' }));
      const bob = await post('127.0.0.3', intake({ title: 'Bob: overflowing bin' }));
      expect(ada.status).toBe(201);
      expect(bob.status).toBe(201);
      expect(bob.body.reference).not.toBe(ada.body.reference);
      // Within one address the key still means what it meant: a replay, or 422 for another body.
      const again = await post('127.0.0.2', intake({ title: 'Ada: broken streetlight' }));
      expect(again).toEqual(ada);
      expect((await post('127.0.0.2', intake({ title: 'Ada: another thing' }))).status).toBe(422);
    });
  });

  describe('blank text', () => {
    it('refuses white-space-only names in a roundtable list, like other blank text', async () => {
      const reviewed = await advance(api.http, await raise(api.http), ['board-review']);
      for (const participants of [['  '], ['Cllr Smith', '\t\n'], ['']]) {
        const { body } = await command(api.http, reviewed, 'roundtable', { participants }).expect(400);
        expect(body.message.join()).toContain('participants');
      }
      await command(api.http, reviewed, 'roundtable', { participants: [' Cllr Smith '] }).expect(200);
    });
  });

  describe('size and type of the body', () => {
    it('answers a body over BODY_LIMIT (100kb) with 413 and a JSON error, storing nothing', async () => {
      const before = await eventCount();
      const { body } = await api.http
        .post('/issues')
        .send(intake({ description: 'x'.repeat(150_000) }))
        .expect(413);
      expectRefusal(body, 413, 'Payload Too Large');
      expect(body.message).toContain('BODY_LIMIT');
      expect(await eventCount()).toBe(before);
    });

    it.each([
      ['text/plain', 'hello'],
      ['application/x-www-form-urlencoded', 'title=Pothole&description=Deep&category=highways&areaId=trowbridge&channel=online&raisedBy[name]=Ada'],
      ['application/xml', '<issue/>'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="title"\r\n\r\nPothole\r\n--x--\r\n'],
    ])('answers %s on a JSON route with 415', async (contentType, text) => {
      const { body } = await postRaw(text, contentType).expect(415);
      expectRefusal(body, 415, 'Unsupported Media Type');
      expect(body.message).toContain('application/json');
    });

    it('answers JSON in a charset other than UTF-8 with 415', async () => {
      const { body } = await postRaw(JSON.stringify(intake()), 'application/json; charset=latin1').expect(415);
      expectRefusal(body, 415, 'Unsupported Media Type');
    });

    it('accepts application/json with charset=utf-8, and a POST with no body needs no type', async () => {
      await postRaw(JSON.stringify(intake()), 'application/json; charset=UTF-8').expect(201);
      // A 404 from the route itself: past the body reader and the guard, nothing rebuilt.
      const rebuild = () => api.http.post('/projections/no-such-projection/rebuild').set('Authorization', admin);
      await rebuild().expect(404);
      await rebuild().set('Content-Length', '0').expect(404);
      await rebuild().set('Content-Type', 'text/plain').send('rebuild please').expect(415);
    });

    it('reads forms under /open311/, where GeoReport v2 clients send them', async () => {
      const { status } = await api.http.post('/open311/v2/requests.json').type('form').send('service_code=highways&description=Pothole');
      expect(status).not.toBe(415);
      expect(status).toBeLessThan(500);
    });

    it('keeps malformed JSON a 400', async () => {
      for (const text of ['{"title": "Pothole",', '{"title": "\\ud800', "{'title': 1}", '']) {
        const { body, status } = await postRaw(text);
        expect(status).toBe(400);
        expectRefusal(body, 400, 'Bad Request');
      }
    });

    it('answers a Content-Length that is not a number, doubled, or longer than the body with 400', async () => {
      const server = api.app.getHttpServer();
      if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
      const { port } = server.address() as AddressInfo;
      const head = 'POST /issues HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n';
      for (const raw of [
        `${head}Content-Length: abc\r\n\r\n{}`,
        `${head}Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}`,
        `${head}Content-Length: -1\r\n\r\n{}`,
        `${head}Content-Length: 100\r\n\r\n{"title":`,
      ]) {
        expect(await exchange(port, raw)).toMatch(/^HTTP\/1\.1 400 /);
      }
    });

    it('ignores a body sent with GET', async () => {
      await api.http.get('/areas').set('Content-Type', 'application/json').send('{"not json').expect(200);
      await api.http.get('/categories').set('Content-Type', 'text/plain').send('hello').expect(200);
    });
  });
});
