import type { AddressInfo } from 'node:net';
import { sign } from 'jsonwebtoken';
import type { Response } from 'supertest';
import { launchChromium, watchProblems } from './support/browser';
import { admin, intake } from './support/issueRequests';
import { bearer, JWT_SECRET, useTestApp } from './support/testApp';
import { captureLogs } from './fuzz/support/logCapture';

/*
 * The edge every answer passes (API.md, "Settings": CORS_ORIGINS, TRUST_PROXY): helmet's headers
 * on every answer, errors included; CORS closed unless configured; the client address behind a
 * configured number of proxies, and the anonymous rate limit keyed on it. No store is involved
 * beyond start-up, so SQLite alone.
 */

/** What helmet puts on every answer: the browser-side defences a JSON API and its pages need. */
function expectHelmetHeaders(response: Response): void {
  expect(response.headers).toMatchObject({
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'SAMEORIGIN',
    'referrer-policy': 'no-referrer',
    'strict-transport-security': expect.stringContaining('max-age='),
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'content-security-policy': expect.stringContaining("frame-ancestors 'self'"),
  });
  expect(response.headers['x-powered-by']).toBeUndefined();
  expect(response.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
}

describe('the edge, with the default settings', () => {
  const api = useTestApp('sqlite', { INTAKE_RATE_LIMIT: '2' });

  it.each([
    ['an anonymous read', () => api.http.get('/categories'), 200],
    ['the health check', () => api.http.get('/health'), 200],
    ['a missing token', () => api.http.get('/issues'), 401],
    ['a bad token', () => api.http.get('/audit/verify').set('Authorization', 'Bearer x.y.z'), 401],
    ['an unknown route', () => api.http.get('/no-such-route').set('Authorization', admin), 404],
    ['a malformed JSON body', () => api.http.post('/issues').set('Authorization', admin).set('Content-Type', 'application/json').send('{"title":'), 400],
    ['the OpenAPI document', () => api.http.get('/docs-json'), 200],
  ])('puts helmet headers on %s', async (_, call, status) => {
    const response = await call();
    expect(response.status).toBe(status);
    expectHelmetHeaders(response);
  });

  it("keeps the dashboard page's own, stricter policy", async () => {
    const response = await api.http.get('/dashboard').expect(200);
    const policy = response.headers['content-security-policy'];
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers no other origin: no Access-Control-Allow-Origin, on reads or preflights', async () => {
    const read = await api.http.get('/categories').set('Origin', 'https://elsewhere.example');
    expect(read.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await api.http
      .options('/issues')
      .set('Origin', 'https://elsewhere.example')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization, content-type');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-headers']).toBeUndefined();
  });

  it('ignores X-Forwarded-For: a caller cannot choose a fresh address, and allowance, for itself', async () => {
    // (The throttler counts per route: /areas is asked nowhere else in this suite.)
    await api.http.get('/areas').set('X-Forwarded-For', '203.0.113.1').expect(200);
    await api.http.get('/areas').set('X-Forwarded-For', '203.0.113.1').expect(200);
    await api.http.get('/areas').set('X-Forwarded-For', '203.0.113.2').expect(429);
  });
});

describe("helmet's policy in a real browser", () => {
  const api = useTestApp('sqlite');

  it('still lets the OpenAPI UI (/docs) load and render every route, with no policy violation', async () => {
    await api.app.listen(0, '127.0.0.1');
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      const problems = watchProblems(page);
      await page.goto(`http://127.0.0.1:${port}/docs`);
      await page.locator('.opblock').first().waitFor();
      expect(await page.locator('.opblock').count()).toBeGreaterThan(20);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe('tokens at the door', () => {
  const api = useTestApp('sqlite');
  const claims = { sub: 'v-1', name: 'Vi', role: 'viewer', areas: ['*'] };
  const now = Math.floor(Date.now() / 1000);
  const unsigned = (header: object, payload: object) =>
    `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;

  it('lets a token minted as `npm run token` mints it in', async () => {
    await api.http.get('/kpis').set('Authorization', bearer('viewer', ['*'])).expect(200);
  });

  it.each([
    ['without exp', sign(claims, JWT_SECRET, { algorithm: 'HS256' })],
    ['with alg none', unsigned({ alg: 'none', typ: 'JWT' }, { ...claims, exp: now + 600 })],
    ['signed HS512', sign({ ...claims, exp: now + 600 }, JWT_SECRET, { algorithm: 'HS512' })],
    ['issued an hour from now', sign({ ...claims, iat: now + 3600, exp: now + 7200 }, JWT_SECRET, { algorithm: 'HS256' })],
    ['expired a minute ago', sign({ ...claims, iat: now - 3600, exp: now - 60 }, JWT_SECRET, { algorithm: 'HS256' })],
  ])('refuses a token %s with 401, saying why', async (_, token) => {
    const response = await api.http.get('/kpis').set('Authorization', `Bearer ${token}`).expect(401);
    expect(response.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', message: expect.stringMatching(/token/) });
  });
});

describe('the edge with CORS_ORIGINS', () => {
  const api = useTestApp('sqlite', { CORS_ORIGINS: 'https://council.example, http://localhost:8080' });

  it('lets a listed origin read answers and send a token, JSON and an Idempotency-Key', async () => {
    const read = await api.http.get('/categories').set('Origin', 'https://council.example').expect(200);
    expect(read.headers['access-control-allow-origin']).toBe('https://council.example');
    expect(read.headers['access-control-allow-credentials']).toBeUndefined();
    const preflight = await api.http
      .options('/issues')
      .set('Origin', 'http://localhost:8080')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization, content-type, idempotency-key')
      .expect(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('http://localhost:8080');
    expect(preflight.headers['access-control-allow-headers']?.toLowerCase()).toBe('authorization,content-type,idempotency-key,last-event-id');
    expect(preflight.headers['access-control-allow-methods']).toContain('POST');
  });

  it('still answers no unlisted origin', async () => {
    const read = await api.http.get('/categories').set('Origin', 'https://elsewhere.example').expect(200);
    expect(read.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('still checks tokens on cross-origin calls', async () => {
    await api.http.get('/issues').set('Origin', 'https://council.example').expect(401);
  });
});

describe('the edge behind one reverse proxy (TRUST_PROXY=1)', () => {
  const api = useTestApp('sqlite', { TRUST_PROXY: '1', INTAKE_RATE_LIMIT: '2' });

  it('gives each client the proxy names its own anonymous allowance', async () => {
    for (let i = 0; i < 2; i++) await api.http.get('/categories').set('X-Forwarded-For', '203.0.113.1').expect(200);
    await api.http.get('/categories').set('X-Forwarded-For', '203.0.113.1').expect(429);
    await api.http.get('/categories').set('X-Forwarded-For', '203.0.113.2').expect(200);
    // Intake, the limit that matters most, the same way.
    for (let i = 0; i < 2; i++) await api.http.post('/issues').set('X-Forwarded-For', '203.0.113.3').send(intake()).expect(201);
    await api.http.post('/issues').set('X-Forwarded-For', '203.0.113.3').send(intake()).expect(429);
    await api.http.post('/issues').set('X-Forwarded-For', '203.0.113.4').send(intake()).expect(201);
  });

  it('believes only the hop its one proxy added: an address the client forged further left does not count', async () => {
    // Each time the client sent its own "X-Forwarded-For: 198.51.100.x"; its proxy appended the address it saw.
    for (let i = 0; i < 2; i++) await api.http.get('/areas').set('X-Forwarded-For', `198.51.100.${i}, 203.0.113.9`).expect(200);
    await api.http.get('/areas').set('X-Forwarded-For', '198.51.100.99, 203.0.113.9').expect(429);
  });
});

describe('the request log behind one reverse proxy (TRUST_PROXY=1)', () => {
  const api = useTestApp('sqlite', { TRUST_PROXY: '1', LOG_LEVEL: 'info' });

  it("logs the client's address the proxy names, not the proxy's", async () => {
    const logs = captureLogs();
    try {
      await api.http.get('/categories').set('X-Forwarded-For', '203.0.113.77').expect(200);
      // pino writes the line as the response finishes; give it a moment.
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      logs.restore();
    }
    const line = logs
      .text()
      .split('\n')
      .filter((text) => text.includes('"/categories"'))
      .map((text) => JSON.parse(text) as { clientAddress?: string })[0];
    expect(line?.clientAddress).toBe('203.0.113.77');
  });
});
