import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@app/event-store';
import { describeWithPostgres } from '@app/event-store/testing/postgresTestDatabase';
import { SYSTEM_ACTOR } from '@app/lifecycle';
import { takeAnchor } from '../anchor/takeAnchor';
import { exportChunks } from '../export/exportChunks';
import { encoderFor } from '../export/exportFormat';
import { revealNothing } from '../revealPersonalData';
import { forgeEvent } from '../testing/forgeEvent';
import { seedHistory, type SeededHistory } from '../testing/seedHistory';
import { openTamperableStore, type StoreKind, type TamperableStore } from '../testing/tamperableStore';
import { runVerify } from '../verifyWithAnchor';
import { headSealKeyOf } from './headSealKey';
import { verifyStore } from './verifyStore';

const STREAM = 'service-levels';
const POLICY = {
  version: '2026-1',
  region: 'GB-ENG',
  default: { acknowledge: 2, resolve: 20, feedBack: 5 },
  categories: { highways: { resolve: 15 } },
  areas: { trowbridge: { highways: { resolve: 10 } } },
};

/** A policy adoption as a process writes it at start-up: the file's JSON as given, by the system. */
const adopted = (policy: { readonly version: string; readonly [field: string]: unknown }): NewEvent => ({
  id: randomUUID(),
  type: 'ServiceLevelPolicyAdopted',
  data: { version: policy.version, policy },
  metadata: { actor: SYSTEM_ACTOR, occurredAt: '2026-03-01T08:00:00.000Z', correlationId: 'start-up', causationId: 'start-up', schemaVersion: 1, workflowVersion: 2 },
});

const serviceLevelsStream = (kind: StoreKind) => () => {
  let tamper: TamperableStore;
  let seeded: SeededHistory;
  const verify = () => verifyStore(tamper.store.auditSource(), { headSealKey: headSealKeyOf(tamper.keys) });
  const metadataOf = async (version: number) => {
    const [row] = await tamper.sql<{ metadata: unknown }>('SELECT metadata FROM events WHERE stream_id = ? AND version = ?', [STREAM, version]);
    return (typeof row.metadata === 'string' ? JSON.parse(row.metadata) : row.metadata) as Record<string, unknown>;
  };

  beforeEach(async () => {
    tamper = await openTamperableStore(kind);
    seeded = await seedHistory(tamper.store);
    await tamper.store.append(STREAM, [adopted(POLICY)], 0);
    await tamper.store.append(STREAM, [adopted({ ...POLICY, version: '2026-2', default: { acknowledge: 3, resolve: 20, feedBack: 5 } })], 1);
  });
  afterEach(() => tamper.dispose());

  it('is verified like any stream and not reported: its chain and head are checked, its events counted', async () => {
    expect(await verify()).toEqual({ ok: true, streamsChecked: seeded.streams + 1, eventsChecked: seeded.events + 2, violations: [] });
  });

  it('an adoption edited in the database (a target changed) is a hash-mismatch in that stream, naming no issue', async () => {
    const softer = { version: '2026-1', policy: { ...POLICY, default: { acknowledge: 10, resolve: 60, feedBack: 20 } } };
    await tamper.sql('UPDATE events SET data = ? WHERE stream_id = ? AND version = 1', [JSON.stringify(softer), STREAM]);
    expect((await verify()).violations).toEqual([expect.objectContaining({ issueId: null, streamId: STREAM, version: 1, kind: 'hash-mismatch' })]);
  });

  it('its last adoption deleted is a version-gap: the head seal gives it away', async () => {
    await tamper.sql('DELETE FROM events WHERE stream_id = ? AND version = 2', [STREAM]);
    expect((await verify()).violations).toEqual([expect.objectContaining({ issueId: null, streamId: STREAM, kind: 'version-gap' })]);
  });

  it('an event of a type this code does not know in it is an unknown-event', async () => {
    const version = await forgeEvent(tamper, STREAM, 'ServiceLevelPolicyRevoked', { version: '2026-1' }, await metadataOf(1));
    const { violations } = await verify();
    expect(violations).toContainEqual(expect.objectContaining({ issueId: null, streamId: STREAM, version, kind: 'unknown-event', detail: expect.stringContaining('ServiceLevelPolicyRevoked') }));
  });

  it('a version adopted a second time (with other targets) is an illegal-transition: a version is never changed', async () => {
    await tamper.store.append(STREAM, [adopted({ ...POLICY, default: { acknowledge: 9, resolve: 90, feedBack: 9 } })], 2);
    expect((await verify()).violations).toEqual([
      expect.objectContaining({ issueId: null, streamId: STREAM, version: 3, kind: 'illegal-transition', detail: expect.stringContaining('2026-1 was already adopted') }),
    ]);
  });

  it('an anchor covers it: its stream is counted, and an adoption deleted since is an anchor-mismatch', async () => {
    const anchor = await takeAnchor(tamper.store, tamper.keys, new Date('2026-03-10T12:00:00.000Z'));
    expect(anchor).toMatchObject({ streams: seeded.streams + 1, events: seeded.events + 2 });
    expect(await runVerify(tamper.store.auditSource(), tamper.keys, anchor)).toMatchObject({ ok: true });
    await tamper.sql('DELETE FROM events WHERE stream_id = ? AND version = 2', [STREAM]);
    const { violations } = await runVerify(tamper.store.auditSource(), tamper.keys, anchor);
    expect(violations.map((violation) => violation.kind)).toContain('anchor-mismatch');
  });

  it('the export carries its events, with streamId service-levels and no issue', async () => {
    let text = '';
    for await (const chunk of exportChunks({ store: tamper.store, window: {}, encoder: encoderFor('jsonl'), reveal: revealNothing })) text += chunk.text;
    const records = text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.filter((record) => record.streamId === STREAM)).toEqual([
      expect.objectContaining({ issueId: null, version: 1, type: 'ServiceLevelPolicyAdopted', data: { version: '2026-1', policy: POLICY } }),
      expect.objectContaining({ issueId: null, version: 2, type: 'ServiceLevelPolicyAdopted' }),
    ]);
  });
};

describe('the service-levels stream in verify, anchors and export, on SQLite', serviceLevelsStream('sqlite'));
describeWithPostgres('the service-levels stream in verify, anchors and export, on PostgreSQL', serviceLevelsStream('postgres'));
