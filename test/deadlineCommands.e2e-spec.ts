import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventStoreAdapter } from '@app/event-store';
import { addDays, bankHolidayCalendar, type CalendarRegion, type LondonDay, londonDay, type ServiceLevelPolicy, targetsFor } from '@app/lifecycle';
import { eventMetadataOf, REFERENCE_KEY, streamIdOf } from '@app/streams';
import { EVENT_STORE } from '../apps/api/src/store/tokens';
import { eventually } from './support/eventually';
import { admin, advance, AREA, auditor, chair, command, type IssueBody, manager, officer, raise } from './support/issueRequests';
import { bearer, STORES, useTestApp } from './support/testApp';

/*
 * Waiting on the resident, upgrading an issue's workflow, and the deadlines the read model shows
 * (shared/contract/API.md, "Commands" and "Deadlines and service levels"), over HTTP on every store.
 */

const BUNDLED_POLICY = JSON.parse(readFileSync(join(__dirname, '..', 'config', 'service-levels.json'), 'utf8')) as ServiceLevelPolicy;

/** The Nth working day after `from`, walked by hand over the policy region's calendar. */
function workingDaysAfter(from: LondonDay, n: number, region: CalendarRegion = BUNDLED_POLICY.region): LondonDay {
  const calendar = bankHolidayCalendar(region);
  let day = from;
  for (let counted = 0; counted < n; ) {
    day = addDays(day, 1);
    if (calendar.isWorkingDay(day)) counted++;
  }
  return day;
}

const ASKED_FROM = [
  ['logged', []],
  ['referred', ['refer']],
  ['boardReview', ['board-review']],
  ['roundtable', ['board-review', 'roundtable']],
] as const;

describe.each(STORES)('deadline commands on %s', (kind) => {
  const api = useTestApp(kind);
  const get = async (id: string) => (await api.http.get(`/issues/${id}`).set('Authorization', manager).expect(200)).body as IssueBody;

  it.each(ASKED_FROM.map(([status, path]) => ({ status, path })))('await-resident from $status waits on the resident, and the reply returns to $status', async ({ status, path }) => {
    const issue = await advance(api.http, await raise(api.http), [...path]);
    expect(issue.status).toBe(status);
    const asked = await command(api.http, issue, 'await-resident').expect(200);
    expect(asked.body).toMatchObject({ status: 'awaitingResident', version: issue.version + 1 });
    const replied = await command(api.http, asked.body, 'resident-replied', {}, manager).expect(200);
    expect(replied.body).toMatchObject({ status, version: issue.version + 2 });
  });

  it('while awaiting, allows only the reply, assign and notes; anything else is 422 with what is allowed', async () => {
    const asked = await advance(api.http, await raise(api.http), ['refer', 'await-resident']);
    expect(asked.allowedCommands).toEqual(['assign', 'notes', 'resident-replied']);
    for (const refused of ['resolve', 'withdraw', 'await-resident']) {
      const answer = await command(api.http, asked, refused).expect(422);
      expect(answer.body).toMatchObject({ status: 'awaitingResident', allowedCommands: ['assign', 'notes', 'resident-replied'] });
    }
    const noted = await advance(api.http, asked, ['notes', 'assign']);
    expect(noted.status).toBe('awaitingResident');
    // Not waiting: a reply has nothing to answer.
    const back = await advance(api.http, noted, ['resident-replied']);
    await command(api.http, back, 'resident-replied').expect(422);
  });

  it('lets area managers and officers wait on the resident, not board chairs', async () => {
    const issue = await raise(api.http);
    await command(api.http, issue, 'await-resident', {}, chair).expect(403);
    const asked = await command(api.http, issue, 'await-resident', {}, officer).expect(200);
    await command(api.http, asked.body, 'resident-replied', {}, chair).expect(403);
    await command(api.http, asked.body, 'resident-replied', {}, bearer('officer', ['melksham'])).expect(403);
  });

  it('validates the bodies: the question and answer required, no unknown fields, no NUL, expectedVersion required', async () => {
    const issue = await raise(api.http);
    const post = (name: string, body: unknown) => api.http.post(`/issues/${issue.id}/${name}`).set('Authorization', officer).send(body as object);
    const refusals = [
      ['await-resident', { expectedVersion: issue.version }, /question/],
      ['await-resident', { expectedVersion: issue.version, question: '   ' }, /question must not be blank/],
      ['await-resident', { expectedVersion: issue.version, question: 'x'.repeat(5001) }, /question/],
      ['await-resident', { expectedVersion: issue.version, question: 'Which gate?', answer: 'smuggled' }, /answer should not exist/],
      ['await-resident', { expectedVersion: issue.version, question: 'Which\u0000gate?' }, /NUL/],
      ['await-resident', { question: 'Which gate?' }, /expectedVersion/],
      ['resident-replied', { expectedVersion: issue.version }, /answer/],
    ] as const;
    for (const [name, body, message] of refusals) {
      const answer = await post(name, body).expect(400);
      expect(JSON.stringify(answer.body.message)).toMatch(message);
    }
    expect((await get(issue.id)).version).toBe(issue.version);
  });

  it('upgrade-workflow is admin only; on an issue at the newest version it answers 200 and records nothing', async () => {
    const issue = await raise(api.http);
    await api.http.post(`/issues/${issue.id}/upgrade-workflow`).set('Authorization', manager).send({}).expect(403);
    await api.http.post(`/issues/${issue.id}/upgrade-workflow`).send({}).expect(401);
    const upgraded = await api.http.post(`/issues/${issue.id}/upgrade-workflow`).set('Authorization', admin).send({ expectedVersion: issue.version }).expect(200);
    expect(upgraded.body).toMatchObject({ id: issue.id, version: issue.version, workflowVersion: 2, status: 'logged' });
    await api.http.post(`/issues/${issue.id}/upgrade-workflow`).set('Authorization', admin).expect(200);
    await api.http.post(`/issues/${issue.id}/upgrade-workflow`).set('Authorization', admin).send({ expectedVersion: issue.version + 3 }).expect(409);
    await api.http.post(`/issues/${issue.id}/upgrade-workflow`).set('Authorization', admin).send({ from: 1 }).expect(400);
    const history = await api.http.get(`/issues/${issue.id}/history`).set('Authorization', auditor).expect(200);
    expect(history.body.events.map((event: { type: string }) => event.type)).toEqual(['IssueLogged']);
  });

  describe('the read model’s deadlines, under the bundled policy', () => {
    const targets = targetsFor(BUNDLED_POLICY, AREA, 'highways');

    it('a new issue is under workflow version 2 and the policy in force, with acknowledge and resolve running', async () => {
      const issue = await raise(api.http, { category: 'highways' });
      const today = londonDay(new Date());
      const view = await get(issue.id);
      expect(view).toMatchObject({ workflowVersion: 2, policyVersion: BUNDLED_POLICY.version });
      expect(view.deadlines).toEqual([
        { kind: 'acknowledge', dueAt: workingDaysAfter(today, targets.acknowledge), workingDays: targets.acknowledge, pausedDays: 0, state: 'running' },
        { kind: 'resolve', dueAt: workingDaysAfter(today, targets.resolve), workingDays: targets.resolve, pausedDays: 0, state: 'running' },
      ]);
      // The list renders through the same renderer: its items carry the same fields.
      await eventually(async () => {
        const list = await api.http.get(`/issues?q=${issue.reference}`).set('Authorization', manager).expect(200);
        expect(list.body.items).toEqual([expect.objectContaining({ id: issue.id, workflowVersion: 2, policyVersion: BUNDLED_POLICY.version, deadlines: view.deadlines })]);
      });
    });

    it('waiting on the resident pauses the resolve deadline; resolving ends it and starts feedBack', async () => {
      const today = londonDay(new Date());
      const asked = await advance(api.http, await raise(api.http, { category: 'highways' }), ['await-resident']);
      // Acknowledged by the question; the resolve clock stops on the day it was asked, and that day (if a working one) is made up.
      const madeUp = bankHolidayCalendar(BUNDLED_POLICY.region).isWorkingDay(today) ? 1 : 0;
      expect(asked.deadlines).toEqual([
        expect.objectContaining({ kind: 'acknowledge', state: 'met' }),
        { kind: 'resolve', dueAt: workingDaysAfter(today, targets.resolve + madeUp), workingDays: targets.resolve, pausedDays: madeUp, state: 'paused' },
      ]);
      const resolved = await advance(api.http, asked, ['resident-replied', 'refer', 'resolve']);
      expect(resolved.deadlines).toEqual([
        expect.objectContaining({ kind: 'acknowledge', state: 'met' }),
        expect.objectContaining({ kind: 'resolve', state: 'met' }),
        { kind: 'feedBack', dueAt: workingDaysAfter(today, targets.feedBack), workingDays: targets.feedBack, pausedDays: 0, state: 'running' },
      ]);
    });
  });

  describe('an issue logged under workflow version 1', () => {
    let store: EventStoreAdapter;
    beforeAll(() => (store = api.app.get(EVENT_STORE)));

    /** An IssueLogged as version 1 of the workflow stored it (schema version 2: no workflow or policy version), appended straight into the store. */
    async function appendV1Issue(): Promise<string> {
      const id = randomUUID();
      const reference = `TROW-2025-${String(900 + Math.floor(Math.random() * 99_000)).padStart(5, '0')}`;
      const occurredAt = new Date(Date.now() - 3 * 86_400_000).toISOString();
      const provenance = { actor: { id: 'manager-v1', role: 'areaManager' as const }, correlationId: 'v1-seed', causationId: 'v1-seed' };
      const data = {
        reference,
        title: 'Blocked drain on Mill Lane',
        description: 'Water pools after rain.',
        category: 'highways',
        areaId: AREA,
        channel: 'phone',
        location: null,
        subjectId: null,
        personal: { raisedBy: { name: 'Old System Resident' }, address: null },
      };
      const event = { id: randomUUID(), type: 'IssueLogged', data, metadata: { ...eventMetadataOf(occurredAt, 2, provenance, 1) } };
      await store.append(streamIdOf(id), [event], 0, { uniqueKeys: [{ scope: REFERENCE_KEY, key: reference }] });
      return id;
    }

    it('keeps its rules (no waiting on the resident, no deadlines) until an admin upgrades it', async () => {
      const id = await appendV1Issue();
      const old = await get(id);
      expect(old).toMatchObject({ status: 'logged', version: 1, workflowVersion: 1, policyVersion: null, deadlines: [] });
      expect(old.allowedCommands).not.toContain('await-resident');
      const refused = await command(api.http, old, 'await-resident').expect(422);
      expect(refused.body.allowedCommands).toEqual(old.allowedCommands);

      const upgraded = await api.http.post(`/issues/${id}/upgrade-workflow`).set('Authorization', admin).send({ expectedVersion: 1 }).expect(200);
      expect(upgraded.body).toMatchObject({ status: 'logged', version: 2, workflowVersion: 2, policyVersion: null, deadlines: [] });
      expect(upgraded.body.allowedCommands).toContain('await-resident');
      const history = await api.http.get(`/issues/${id}/history`).set('Authorization', auditor).expect(200);
      expect(history.body.events.map((event: { type: string; data: unknown }) => [event.type, event.data])).toEqual([
        ['IssueLogged', expect.anything()],
        ['WorkflowUpgraded', { from: 1, to: 2 }],
      ]);
      await command(api.http, upgraded.body, 'await-resident').expect(200);
      // Upgraded already: a second upgrade records nothing.
      await api.http.post(`/issues/${id}/upgrade-workflow`).set('Authorization', admin).send({}).expect(200);
      expect((await get(id)).version).toBe(3);
    });
  });
});
