import { admin, auditor, command, type IssueBody, manager, raise } from './support/issueRequests';
import { bearer, STORES, useTestApp } from './support/testApp';

const DAY_MS = 86_400_000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const viewer = bearer('viewer');

/**
 * A moment strictly between two steps: after the previous answer (so after its recordedAt) and
 * before the next request (so before the next recordedAt), on the clock the in-process store uses.
 */
async function momentBetweenSteps(): Promise<Date> {
  await pause(5);
  const at = new Date();
  await pause(5);
  return at;
}

interface Seen {
  readonly after: string;
  readonly at: Date;
  /** What GET /issues/:id answered at that moment. */
  readonly read: Record<string, unknown>;
}

describe.each(STORES)('an issue’s history and its state at any instant, on %s', (kind) => {
  const api = useTestApp(kind);
  const read = async (id: string) => (await api.http.get(`/issues/${id}`).set('Authorization', auditor).expect(200)).body;

  // Every stage and both side commands, each dated a day after the one before, ending withdrawn.
  const STEPS = ['assign', 'refer', 'board-review', 'roundtable', 'resolve', 'feed-back', 'reopen', 'notes', 'withdraw'];
  const start = Date.now() - 20 * DAY_MS;
  const occurredAt = (step: number) => new Date(start + step * DAY_MS).toISOString();

  let issue: IssueBody;
  let beforeItExisted: Date;
  const seen: Seen[] = [];

  beforeAll(async () => {
    beforeItExisted = await momentBetweenSteps();
    issue = await raise(api.http, { channel: 'phone', occurredAt: occurredAt(0) }, manager);
    seen.push({ after: 'log', at: await momentBetweenSteps(), read: await read(issue.id) });
    for (const [index, name] of STEPS.entries()) {
      const response = await command(api.http, issue, name, { occurredAt: occurredAt(index + 1) });
      if (response.status !== 200) throw new Error(`${name} failed: ${response.status} ${JSON.stringify(response.body)}`);
      issue = response.body;
      seen.push({ after: name, at: await momentBetweenSteps(), read: await read(issue.id) });
    }
  });

  it('state?at= between each pair of steps is what GET /issues/:id answered then, with asOf', async () => {
    expect(seen.map((step) => step.read.status)).toEqual([
      'logged', 'logged', 'referred', 'boardReview', 'roundtable', 'resolved', 'fedBack', 'logged', 'logged', 'withdrawn',
    ]);
    for (const step of seen) {
      const { body } = await api.http.get(`/issues/${issue.id}/state`).query({ at: step.at.toISOString() }).set('Authorization', auditor).expect(200);
      expect({ after: step.after, body }).toEqual({ after: step.after, body: { ...step.read, asOf: step.at.toISOString() } });
    }
  });

  it('state?at= before the issue existed is 404; by reference it answers the same as by id', async () => {
    await api.http.get(`/issues/${issue.id}/state`).query({ at: beforeItExisted.toISOString() }).set('Authorization', auditor).expect(404);
    await api.http.get(`/issues/${issue.reference}/state`).query({ at: '2000-01-01' }).set('Authorization', auditor).expect(404);
    const byReference = await api.http.get(`/issues/${issue.reference}/state`).query({ at: seen[4].at.toISOString() }).set('Authorization', admin).expect(200);
    expect(byReference.body).toEqual({ ...seen[4].read, asOf: seen[4].at.toISOString() });
  });

  it('state?at= goes by recordedAt, not occurredAt: at an event’s own recordedAt it is known, a millisecond before it is not', async () => {
    const { body: history } = await api.http.get(`/issues/${issue.id}/history`).set('Authorization', auditor).expect(200);
    const referred = history.events.find((event: { type: string }) => event.type === 'IssueReferred');
    // It happened days ago (occurredAt), but the system only learnt of it when it was recorded.
    expect(Date.parse(referred.recordedAt) - Date.parse(referred.occurredAt)).toBeGreaterThan(DAY_MS);
    const at = async (instant: string) =>
      (await api.http.get(`/issues/${issue.id}/state`).query({ at: instant }).set('Authorization', auditor).expect(200)).body;
    expect(await at(referred.recordedAt)).toMatchObject({ status: 'referred', version: referred.version, asOf: referred.recordedAt });
    const justBefore = new Date(Date.parse(referred.recordedAt) - 1).toISOString();
    expect(await at(justBefore)).toMatchObject({ status: 'logged', version: referred.version - 1 });
    // Logged with an occurredAt days back, but recorded only today: days back, it was not known.
    await api.http.get(`/issues/${issue.id}/state`).query({ at: referred.occurredAt }).set('Authorization', auditor).expect(404);
  });

  it('history lists every event in order with both clocks, actor, data, ids and a hash chain', async () => {
    const { body } = await api.http.get(`/issues/${issue.reference}/history`).set('Authorization', auditor).expect(200);
    expect(body).toMatchObject({ id: issue.id, reference: issue.reference });
    const events = body.events as Array<{ [field: string]: unknown; version: number; globalPosition: number; recordedAt: string; hash: string }>;
    expect(events.map((event) => event.type)).toEqual([
      'IssueLogged', 'OfficerAssigned', 'IssueReferred', 'BoardReviewScheduled', 'RoundtableConvened',
      'IssueResolved', 'OutcomeFedBack', 'IssueReopened', 'NoteAdded', 'IssueWithdrawn',
    ]);
    const actors = ['areaManager', 'boardChair', 'areaManager', 'areaManager', 'boardChair', 'officer', 'areaManager', 'areaManager', 'officer', 'areaManager'];
    events.forEach((event, index) => {
      expect(Object.keys(event).sort()).toEqual(
        ['version', 'globalPosition', 'type', 'occurredAt', 'recordedAt', 'actor', 'data', 'correlationId', 'causationId', 'hash', 'prevHash'].sort(),
      );
      expect(event.version).toBe(index + 1);
      expect(event.occurredAt).toBe(occurredAt(index));
      expect(event.actor).toEqual({ id: `${actors[index]}-e2e`, role: actors[index] });
      expect(event.correlationId).toEqual(expect.any(String));
      expect(event.causationId).toEqual(expect.any(String));
      expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
      // The chain: each event names the hash of the one before.
      expect(event.prevHash).toBe(index === 0 ? null : events[index - 1].hash);
      if (index > 0) {
        expect(event.globalPosition).toBeGreaterThan(events[index - 1].globalPosition);
        expect(Date.parse(event.recordedAt)).toBeGreaterThan(Date.parse(events[index - 1].recordedAt));
      }
    });
    expect(events[0].data).toMatchObject({ reference: issue.reference, title: 'Pothole on Castle Street', channel: 'phone' });
    expect(events[2].data).toEqual({ serviceProvider: 'Wiltshire Highways', note: 'Reported twice this month' });
    expect(events[1].data).toEqual({ officer: 'officer-42', dueBy: '2027-01-15' });
  });

  it('history and state are 404 for an unknown id or reference; state is 400 without a valid at', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'TROW-2026-99999']) {
      await api.http.get(`/issues/${id}/history`).set('Authorization', auditor).expect(404);
      await api.http.get(`/issues/${id}/state`).query({ at: new Date().toISOString() }).set('Authorization', auditor).expect(404);
    }
    const missing = await api.http.get(`/issues/${issue.id}/state`).set('Authorization', auditor).expect(400);
    expect(JSON.stringify(missing.body.message)).toMatch(/at is required/);
    for (const bad of ['yesterday', '2026-02-30', '2026-13-01T00:00:00Z']) {
      const response = await api.http.get(`/issues/${issue.id}/state`).query({ at: bad }).set('Authorization', auditor).expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(JSON.stringify(response.body.message)).toContain(bad);
    }
  });

  it('only auditors and admins read them: other staff 403, anonymous 401', async () => {
    const at = new Date().toISOString();
    for (const path of [`/issues/${issue.id}/history`, `/issues/${issue.id}/state?at=${at}`]) {
      await api.http.get(path).set('Authorization', auditor).expect(200);
      await api.http.get(path).set('Authorization', admin).expect(200);
      await api.http.get(path).set('Authorization', manager).expect(403);
      await api.http.get(path).set('Authorization', viewer).expect(403);
      await api.http.get(path).expect(401);
    }
  });
});
