import { randomUUID } from 'node:crypto';
import type { EventStoreAdapter } from '@app/event-store';
import { requestHashOf } from '../apps/api/src/issues/idempotency.interceptor';
import { EVENT_STORE } from '../apps/api/src/store/tokens';
import { admin, command, COMMAND_BODIES, intake, manager, raise } from './support/issueRequests';
import { STORES, useTestApp } from './support/testApp';

describe.each(STORES)('Idempotency-Key, on %s', (kind) => {
  const api = useTestApp(kind);

  const read = async (id: string) => (await api.http.get(`/issues/${id}`).set('Authorization', admin).expect(200)).body;

  it('answers a retried intake with the first answer, and logs the issue once', async () => {
    const key = randomUUID();
    const first = await api.http.post('/issues').set('Idempotency-Key', key).send(intake()).expect(201);
    const retry = await api.http.post('/issues').set('Idempotency-Key', key).send(intake()).expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const next = await raise(api.http);
    const sequence = (reference: string) => Number(reference.slice(-5));
    expect(sequence(next.reference)).toBe(sequence(first.body.reference) + 1);
  });

  it('answers a retried command with the first answer and appends nothing', async () => {
    const issue = await raise(api.http);
    const key = randomUUID();
    const first = await command(api.http, issue, 'refer').set('Idempotency-Key', key).expect(200);
    const retry = await command(api.http, issue, 'refer').set('Idempotency-Key', key).expect(200);
    expect(retry.body).toEqual(first.body);
    expect((await read(issue.id)).version).toBe(2);
  });

  it('refuses the same key with a different body with 422, appending nothing', async () => {
    const issue = await raise(api.http);
    const key = randomUUID();
    await command(api.http, issue, 'refer').set('Idempotency-Key', key).expect(200);
    const { body } = await command(api.http, issue, 'refer', { serviceProvider: 'Police' }).set('Idempotency-Key', key).expect(422);
    expect(body.message).toContain('different request');
    expect((await read(issue.id)).serviceProvider).toBe('Wiltshire Highways');
  });

  it('answers 409 while the first request with the key is still running, 422 if it was another request', async () => {
    const issue = await raise(api.http);
    const key = randomUUID();
    const body = { expectedVersion: 1, ...COMMAND_BODIES.refer };
    // Hold the claim exactly as a slower first request would.
    const store = api.app.get<EventStoreAdapter>(EVENT_STORE);
    const claim = { scope: 'staff:areaManager-e2e', key, now: new Date(), leaseMs: 30_000 };
    const held = await store.claim({ ...claim, requestHash: requestHashOf('POST', `/issues/${issue.id}/refer`, body) });
    if (held.kind !== 'claimed') throw new Error('expected to hold the claim');

    const running = await command(api.http, issue, 'refer', body).set('Idempotency-Key', key).expect(409);
    expect(running.body.message).toContain('still being processed');
    await command(api.http, issue, 'refer', { serviceProvider: 'Police' }).set('Idempotency-Key', key).expect(422);
    expect((await read(issue.id)).version).toBe(1);

    await store.release(claim.scope, key, held.token); // the first request failed after all
    await command(api.http, issue, 'refer', body).set('Idempotency-Key', key).expect(200);
  });

  it('scopes keys to the caller: two users with the same key do not collide', async () => {
    const key = randomUUID();
    const a = await api.http.post('/issues').set('Idempotency-Key', key).set('Authorization', manager).send(intake({ channel: 'phone' })).expect(201);
    const b = await api.http.post('/issues').set('Idempotency-Key', key).set('Authorization', admin).send(intake({ channel: 'phone' })).expect(201);
    expect(a.body.id).not.toBe(b.body.id);
  });

  it('lets a key whose command failed be used again once the input is put right', async () => {
    const issue = await raise(api.http);
    const key = randomUUID();
    await command(api.http, issue, 'refer', { expectedVersion: 7 }).set('Idempotency-Key', key).expect(409);
    await command(api.http, issue, 'refer').set('Idempotency-Key', key).expect(200);
  });

  it('refuses a malformed key', async () => {
    await api.http.post('/issues').set('Idempotency-Key', 'x'.repeat(300)).send(intake()).expect(400);
  });
});
