import type { NewEvent } from '@app/event-store';
import { describeWithPostgres } from '@app/event-store/testing/postgresTestDatabase';
import { type Actor, decide, foldIssue, type IssueCommand, type IssueEvent, type IssueState, SYSTEM_ACTOR } from '@app/lifecycle';
import { toIssueEvent, toNewEvent, toNewEvents } from '@app/streams';
import { takeAnchor } from '../anchor/takeAnchor';
import { openTamperableStore, type StoreKind, type TamperableStore } from '../testing/tamperableStore';
import { storeV1Streams, V1_EVENT_TYPES, V1_OPEN, V1_STREAMS, v1NewEvent } from '../testing/workflowV1Streams';
import { runVerify } from '../verifyWithAnchor';
import { headSealKeyOf } from './headSealKey';
import { verifyStore } from './verifyStore';

type Staff = Extract<Actor, { kind: 'staff' }>;
const ADMIN: Staff = { kind: 'staff', id: 'admin-1', role: 'admin', areas: ['*'] };
const MANAGER: Staff = { kind: 'staff', id: 'manager-trow', role: 'areaManager', areas: ['trowbridge'] };
const provenanceOf = (actor: Staff) => ({ actor: { id: actor.id, role: actor.role }, correlationId: 'corr-test', causationId: 'cause-test' });
const NOW = new Date('2026-03-10T12:00:00.000Z');

/**
 * The anchor digest of the V1_STREAMS store, each event recorded a second after it happened,
 * the same on SQLite and PostgreSQL. It is defined over the stored rows (each row's hash), so no
 * release may change it: an anchor printed in old board minutes must still check out.
 */
const V1_STORE_DIGEST = '6d29969713337b93249c0e3e9f0b582ae63fb2f11dd2c511e25f3e913ef4b1dc';

const workflowVersions = (kind: StoreKind) => () => {
  let tamper: TamperableStore;
  let recordAt = new Date(0);
  const verify = () => verifyStore(tamper.store.auditSource(), { headSealKey: headSealKeyOf(tamper.keys) });
  const streamOf = (issueId: string) => `issue-${issueId}`;
  const stateOf = async (issueId: string) => foldIssue((await tamper.store.readStream(streamOf(issueId))).map(toIssueEvent));
  /** A command decided on the issue's stream as the API does, and its events appended as the API records them. */
  const run = async (issueId: string, command: IssueCommand, actor: Staff, occurredAt: string): Promise<IssueState> => {
    const state = await stateOf(issueId);
    const decided = decide(state, command, { actor, now: new Date(occurredAt), occurredAt, expectedVersion: state.version === 0 ? undefined : state.version });
    if (!decided.ok) throw new Error(`${command.type} refused: ${JSON.stringify(decided.error)}`);
    await append(issueId, toNewEvents(state, decided.value, provenanceOf(actor)), state.version);
    return stateOf(issueId);
  };
  /** Appends through the store, which hashes, chains and seals: what a writer holding the keys can do. */
  const append = (issueId: string, events: NewEvent[], expectedVersion: number) => tamper.store.append(streamOf(issueId), events, expectedVersion);
  const withMetadata = (event: NewEvent, changes: Record<string, unknown>): NewEvent => ({ ...event, metadata: { ...event.metadata, ...changes } });

  beforeEach(async () => {
    tamper = await openTamperableStore(kind, { now: () => recordAt });
    await storeV1Streams(tamper.store, { beforeAppend: (occurredAt) => (recordAt = new Date(Date.parse(occurredAt) + 1000)) });
    recordAt = NOW;
  });
  afterEach(() => tamper.dispose());

  it('the stored version-1 histories hold every event type version 1 knew, and replay to the status and version the old release showed', async () => {
    const types = new Set(V1_STREAMS.flatMap((fixture) => fixture.steps.map((step) => step.type)));
    expect([...types].sort()).toEqual([...V1_EVENT_TYPES].sort());
    for (const fixture of V1_STREAMS) {
      expect({ name: fixture.name, state: await stateOf(fixture.issueId) }).toEqual({
        name: fixture.name,
        state: expect.objectContaining({ status: fixture.status, version: fixture.version, workflowVersion: 1, policyVersion: null, reference: fixture.reference }),
      });
    }
  });

  it('a store of version-1 histories verifies clean after version 2 ships', async () => {
    const events = V1_STREAMS.reduce((sum, fixture) => sum + fixture.steps.length, 0);
    expect(await verify()).toEqual({ ok: true, streamsChecked: V1_STREAMS.length, eventsChecked: events, violations: [] });
  });

  it("its anchor digest, defined over the stored rows, is unchanged, and an anchor taken now checks out", async () => {
    const anchor = await takeAnchor(tamper.store, tamper.keys, NOW);
    expect(anchor).toMatchObject({ events: 18, streams: 3, digest: V1_STORE_DIGEST });
    expect(await runVerify(tamper.store.auditSource(), tamper.keys, anchor)).toMatchObject({ ok: true, violations: [] });
  });

  it('an upgraded version-1 issue verifies clean, and only then may it wait on the resident', async () => {
    const before = await stateOf(V1_OPEN.issueId);
    const refused = decide(before, { type: 'await-resident', data: { question: 'Which side of the road?' } }, { actor: MANAGER, now: NOW, expectedVersion: before.version });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'illegal-transition' } });

    const upgraded = await run(V1_OPEN.issueId, { type: 'upgrade-workflow', data: {} }, ADMIN, '2026-03-01T10:00:00.000Z');
    const [stored] = (await tamper.store.readStream(streamOf(V1_OPEN.issueId))).slice(-1);
    expect(stored).toMatchObject({ type: 'WorkflowUpgraded', data: { from: 1, to: 2 }, metadata: { workflowVersion: 2 } });
    expect(upgraded).toMatchObject({ status: 'referred', workflowVersion: 2, version: V1_OPEN.version + 1 });
    expect(await verify()).toMatchObject({ ok: true, violations: [] });

    const asked = await run(V1_OPEN.issueId, { type: 'await-resident', data: { question: 'Which side of the road?' } }, MANAGER, '2026-03-02T10:00:00.000Z');
    expect(asked).toMatchObject({ status: 'awaitingResident', resumeStatus: 'referred' });
    expect(await verify()).toMatchObject({ ok: true, violations: [] });
  });

  describe('tamperings that workflow versions now reveal', () => {
    const residentAsked: IssueEvent = { type: 'ResidentAsked', occurredAt: '2026-03-02T10:00:00.000Z', data: { question: 'Which side of the road?' } };
    const provenance = provenanceOf(MANAGER);
    const next = V1_OPEN.version + 1;

    it('a ResidentAsked in a version-1 stream, recorded under version 1: the version-1 machine refuses it', async () => {
      await append(V1_OPEN.issueId, [toNewEvent(residentAsked, provenance, 1)], V1_OPEN.version);
      expect((await verify()).violations).toEqual([
        expect.objectContaining({ issueId: V1_OPEN.issueId, version: next, kind: 'illegal-transition', detail: 'workflow version 1 would refuse ResidentAsked in status referred' }),
      ]);
    });

    it('a version-2 event in a version-1 stream with no upgrade before it', async () => {
      await append(V1_OPEN.issueId, [toNewEvent(residentAsked, provenance, 2)], V1_OPEN.version);
      expect((await verify()).violations).toEqual([
        expect.objectContaining({ issueId: V1_OPEN.issueId, version: next, kind: 'illegal-transition', detail: expect.stringContaining('written under workflow version 2, but the issue was at version 1') }),
      ]);
    });

    it('an event recorded under a workflow version this code does not know is an unknown-event', async () => {
      const note = withMetadata(v1NewEvent(V1_OPEN, 2), { workflowVersion: 9 });
      await append(V1_OPEN.issueId, [{ ...note, type: 'NoteAdded', data: { text: 'From the future', public: false } }], V1_OPEN.version);
      expect((await verify()).violations).toEqual([
        expect.objectContaining({ issueId: V1_OPEN.issueId, version: next, kind: 'unknown-event', detail: expect.stringContaining('workflow version 9') }),
      ]);
    });

    it('an upgrade recorded under the version it leaves is an illegal-transition', async () => {
      const upgrade: IssueEvent = { type: 'WorkflowUpgraded', occurredAt: '2026-03-01T10:00:00.000Z', data: { from: 1, to: 2 } };
      await append(V1_OPEN.issueId, [toNewEvent(upgrade, provenance, 1)], V1_OPEN.version);
      expect((await verify()).violations).toEqual([
        expect.objectContaining({ issueId: V1_OPEN.issueId, version: next, kind: 'illegal-transition', detail: expect.stringContaining('does not move the issue forward from version 1') }),
      ]);
    });

    it('an upgrade back to an older version, after a proper one, is an illegal-transition', async () => {
      await run(V1_OPEN.issueId, { type: 'upgrade-workflow', data: {} }, ADMIN, '2026-03-01T10:00:00.000Z');
      const backwards: IssueEvent = { type: 'WorkflowUpgraded', occurredAt: '2026-03-01T12:00:00.000Z', data: { from: 2, to: 1 } };
      await append(V1_OPEN.issueId, [toNewEvent(backwards, provenance, 1)], next);
      expect((await verify()).violations).toEqual([
        expect.objectContaining({ issueId: V1_OPEN.issueId, version: next + 1, kind: 'illegal-transition', detail: expect.stringContaining('from 2 to 1') }),
      ]);
    });
  });

  describe("the system's deadline events, on an issue logged under version 2 with a service-level policy", () => {
    const ISSUE = '7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2910';
    const missed: IssueEvent = { type: 'DeadlineMissed', occurredAt: '2026-03-05T00:01:00.000Z', data: { kind: 'acknowledge', dueAt: '2026-03-04', policyVersion: '2026-1', cycle: 0 } };
    const escalated: IssueEvent = { type: 'IssueEscalated', occurredAt: '2026-03-05T00:01:00.000Z', data: { to: 'boardChair', kind: 'acknowledge', cycle: 0 } };
    const system = { actor: SYSTEM_ACTOR, correlationId: 'scheduler', causationId: 'scheduler' };
    const asSystem = (events: IssueEvent[]) => events.map((event) => toNewEvent(event, system, 2));

    beforeEach(async () => {
      const raisedBy = { name: 'Ada Resident', email: 'ada@example.org' };
      const log: IssueCommand = {
        type: 'log',
        data: { reference: 'TROW-2026-00001', title: 'Fly-tipping', description: 'Sofas in the lay-by.', category: 'waste', areaId: 'trowbridge', channel: 'email', raisedBy, policyVersion: '2026-1' },
      };
      await run(ISSUE, log, MANAGER, '2026-03-02T09:00:00.000Z');
    });

    it('a missed deadline recorded once, by the system, with its escalation straight after, verifies clean', async () => {
      await append(ISSUE, asSystem([missed, escalated]), 1);
      expect(await verify()).toMatchObject({ ok: true, violations: [] });
      expect(await stateOf(ISSUE)).toMatchObject({ status: 'logged', version: 3, workflowVersion: 2, policyVersion: '2026-1' });
    });

    it('the same deadline recorded missed twice: the second pair is an illegal-transition', async () => {
      await append(ISSUE, asSystem([missed, escalated]), 1);
      await append(ISSUE, asSystem([missed, escalated]), 3);
      expect((await verify()).violations).toEqual([
        expect.objectContaining({ issueId: ISSUE, version: 4, kind: 'illegal-transition', detail: expect.stringContaining('already recorded') }),
        expect.objectContaining({ issueId: ISSUE, version: 5, kind: 'illegal-transition', detail: expect.stringContaining('does not follow its DeadlineMissed') }),
      ]);
    });

    it('a DeadlineMissed recorded by a member of staff instead of the system is an illegal-transition', async () => {
      await append(ISSUE, [toNewEvent(missed, provenanceOf(MANAGER), 2)], 1);
      expect((await verify()).violations).toEqual([
        expect.objectContaining({ issueId: ISSUE, version: 2, kind: 'illegal-transition', detail: 'DeadlineMissed must be recorded by the system, but names manager-trow (areaManager)' }),
      ]);
    });

    it('an escalation with no missed deadline before it is an illegal-transition', async () => {
      await append(ISSUE, asSystem([escalated]), 1);
      expect((await verify()).violations).toEqual([expect.objectContaining({ issueId: ISSUE, version: 2, kind: 'illegal-transition' })]);
    });

    it('a DeadlineMissed on an issue that keeps no policy (a version-1 issue, upgraded) is an illegal-transition', async () => {
      await run(V1_OPEN.issueId, { type: 'upgrade-workflow', data: {} }, ADMIN, '2026-03-01T10:00:00.000Z');
      await append(V1_OPEN.issueId, asSystem([missed]), V1_OPEN.version + 1);
      expect((await verify()).violations).toEqual([
        expect.objectContaining({ issueId: V1_OPEN.issueId, version: V1_OPEN.version + 2, kind: 'illegal-transition', detail: expect.stringContaining('keeps none') }),
      ]);
    });
  });
};

describe('workflow versions in verify, on SQLite: stored version-1 histories and what is judged by which machine', workflowVersions('sqlite'));
describeWithPostgres('workflow versions in verify, on PostgreSQL: stored version-1 histories and what is judged by which machine', workflowVersions('postgres'));
