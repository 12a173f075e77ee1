import type { EventStoreAdapter } from '@app/event-store';
import { storeV1Streams, V1_OPEN, V1_STREAMS, type V1StreamFixture } from '@app/audit/testing/workflowV1Streams';
import { EVENT_STORE } from '../apps/api/src/store/tokens';
import { admin, auditor, command } from './support/issueRequests';
import { STORES, useTestApp } from './support/testApp';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The status each step of a fixture leaves the issue in, as the old release showed it. */
const V1_STATUSES: Record<string, string[]> = {
  [V1_STREAMS[0].reference]: ['logged', 'logged', 'boardReview', 'referred', 'resolved', 'fedBack', 'logged', 'logged', 'boardReview', 'roundtable'],
  [V1_STREAMS[1].reference]: ['logged', 'referred', 'referred', 'withdrawn', 'withdrawn'],
  [V1_STREAMS[2].reference]: ['logged', 'logged', 'referred'],
};

interface Moment {
  readonly fixture: V1StreamFixture;
  readonly version: number;
  readonly at: Date;
}

describe.each(STORES)('issues stored under workflow version 1, read and verified by the release with version 2, on %s', (kind) => {
  const api = useTestApp(kind);
  const moments: Moment[] = [];
  const beforeAny: Date[] = [];

  beforeAll(async () => {
    // Straight into the app's store, as the old release left them: no command of today's code touches them.
    const store = api.app.get<EventStoreAdapter>(EVENT_STORE);
    await pause(5);
    beforeAny.push(new Date());
    await pause(5);
    await storeV1Streams(store, {
      afterAppend: async (fixture, version) => {
        // A moment strictly after this append's recordedAt and before the next one's.
        await pause(5);
        moments.push({ fixture, version, at: new Date() });
        await pause(5);
      },
    });
  });

  it('GET /audit/verify is clean', async () => {
    const { body } = await api.http.get('/audit/verify').set('Authorization', auditor).expect(200);
    expect(body).toMatchObject({ ok: true, violations: [] });
    expect(body.eventsChecked).toBeGreaterThanOrEqual(V1_STREAMS.reduce((sum, fixture) => sum + fixture.steps.length, 0));
  });

  it('GET /issues/:id/history lists every stored event, by id and by reference', async () => {
    for (const fixture of V1_STREAMS) {
      for (const idOrReference of [fixture.issueId, fixture.reference]) {
        const { body } = await api.http.get(`/issues/${idOrReference}/history`).set('Authorization', auditor).expect(200);
        expect(body).toMatchObject({ id: fixture.issueId, reference: fixture.reference });
        expect(body.events.map((event: { version: number; type: string; occurredAt: string }) => [event.version, event.type, event.occurredAt])).toEqual(
          fixture.steps.map((step, index) => [index + 1, step.type, step.occurredAt]),
        );
      }
    }
  });

  it('GET /issues/:id/state?at= shows the status at each instant, under workflow version 1, and 404 before the issue existed', async () => {
    expect(moments).toHaveLength(V1_STREAMS.reduce((sum, fixture) => sum + fixture.steps.length, 0));
    for (const { fixture, version, at } of moments) {
      const { body } = await api.http.get(`/issues/${fixture.issueId}/state`).query({ at: at.toISOString() }).set('Authorization', auditor).expect(200);
      expect({ reference: fixture.reference, version, state: body }).toEqual({
        reference: fixture.reference,
        version,
        state: expect.objectContaining({ status: V1_STATUSES[fixture.reference][version - 1], version, workflowVersion: 1, policyVersion: null, deadlines: [], asOf: at.toISOString() }),
      });
    }
    await api.http.get(`/issues/${V1_STREAMS[0].issueId}/state`).query({ at: beforeAny[0].toISOString() }).set('Authorization', auditor).expect(404);
  });

  it('an old issue upgraded through the API is decided under version 2 from then on, and the store still verifies clean', async () => {
    const { body: before } = await api.http.get(`/issues/${V1_OPEN.issueId}`).set('Authorization', admin).expect(200);
    expect(before).toMatchObject({ status: 'referred', workflowVersion: 1 });
    expect(before.allowedCommands).not.toContain('await-resident');

    const upgraded = await command(api.http, before, 'upgrade-workflow').expect(200);
    expect(upgraded.body).toMatchObject({ status: 'referred', workflowVersion: 2, version: V1_OPEN.version + 1 });
    const asked = await command(api.http, upgraded.body, 'await-resident').expect(200);
    expect(asked.body).toMatchObject({ status: 'awaitingResident', workflowVersion: 2 });

    const { body: history } = await api.http.get(`/issues/${V1_OPEN.issueId}/history`).set('Authorization', auditor).expect(200);
    expect(history.events.slice(-2).map((event: { type: string; data: unknown }) => [event.type, event.data])).toEqual([
      ['WorkflowUpgraded', { from: 1, to: 2 }],
      ['ResidentAsked', { question: expect.any(String) }],
    ]);
    expect((await api.http.get('/audit/verify').set('Authorization', auditor).expect(200)).body).toMatchObject({ ok: true, violations: [] });
  });
});
