import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventStoreAdapter, PostgresEventStore, SqliteEventStore } from '@app/event-store';
import { ManualClock } from '@app/event-store/testing/manualClock';
import { describeWithPostgres, dropSchema, scratchSchemaName, TEST_DATABASE_URL } from '@app/event-store/testing/postgresTestDatabase';
import { checkServiceLevelPolicy } from '@app/lifecycle';
import type { PolicyFile } from './policyFile';
import { POLICY_ADOPTED, SERVICE_LEVELS_STREAM } from './policyStream';
import { UnknownPolicyVersionError } from './serviceLevelRegistry';
import { openServiceLevelRegistry } from './storedServiceLevels';

const known = { categories: ['highways', 'waste', 'parks'], areaIds: ['trowbridge', 'calne'] };

/** A policy file as the operator wrote it, checked as start-up checks it. */
function policyFile(asWritten: Record<string, unknown>): PolicyFile {
  const checked = checkServiceLevelPolicy(asWritten, known);
  if (!checked.ok) throw new Error(checked.error.join('; '));
  return { source: 'SERVICE_LEVELS_FILE /etc/council/service-levels.json', policy: checked.value, asWritten };
}

const first = {
  version: '2026-1',
  region: 'GB-ENG',
  default: { acknowledge: 2, resolve: 20, feedBack: 5 },
  categories: { highways: { resolve: 15 } },
  areas: { trowbridge: { highways: { resolve: 10 } } },
};
// The next year's policy: tighter highways targets, and Scotland's bank holidays.
const second = { ...first, version: '2027-1', region: 'GB-SCT', areas: { trowbridge: { highways: { resolve: 6 } } } };

const trowbridgeHighways = (policyVersion: string | null) => ({ policyVersion, areaId: 'trowbridge', category: 'highways' });

type Open = () => Promise<EventStoreAdapter>;

/** Each test's processes open their own connection to one store. */
const registrySuite = (setUp: () => { open: Open; dispose: () => Promise<void> }) => () => {
  const clock = new ManualClock(new Date('2026-03-02T10:00:00.000Z'));
  let open: Open;
  let dispose: () => Promise<void>;
  const opened: EventStoreAdapter[] = [];
  const startProcess = async () => {
    const store = await open();
    opened.push(store);
    return store;
  };
  const adoptedVersions = async (store: EventStoreAdapter) =>
    (await store.readStream(SERVICE_LEVELS_STREAM)).map((event) => ({ type: event.type, version: (event.data as { version: string }).version }));

  beforeEach(() => ({ open, dispose } = setUp()));
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    await dispose();
  });

  it('adopts the policy once when two processes start at once with the same file', async () => {
    const [a, b] = [await startProcess(), await startProcess()];
    const [one, other] = await Promise.all([openServiceLevelRegistry(a, policyFile(first), { clock }), openServiceLevelRegistry(b, policyFile(first), { clock })]);

    expect(await adoptedVersions(a)).toEqual([{ type: POLICY_ADOPTED, version: '2026-1' }]);
    expect(one.inForce.version).toBe('2026-1');
    expect(other.rulesFor(trowbridgeHighways('2026-1'))?.targets).toEqual({ acknowledge: 2, resolve: 10, feedBack: 5 });
  });

  it('adopts both versions when two processes start at once with different files', async () => {
    const [a, b] = [await startProcess(), await startProcess()];
    await Promise.all([openServiceLevelRegistry(a, policyFile(first), { clock }), openServiceLevelRegistry(b, policyFile(second), { clock })]);

    expect((await adoptedVersions(a)).map(({ version }) => version).sort()).toEqual(['2026-1', '2027-1']);
  });

  it('keeps the file as written, recorded by the system', async () => {
    const store = await startProcess();
    const registry = await openServiceLevelRegistry(store, policyFile(first), { clock });

    const [event] = await store.readStream(SERVICE_LEVELS_STREAM);
    expect(event.data).toEqual({ version: '2026-1', policy: first });
    expect(event.metadata).toMatchObject({ actor: { id: 'system', role: 'system' }, schemaVersion: 1, occurredAt: '2026-03-02T10:00:00.000Z' });
    expect(registry.inForceAsWritten).toEqual(first);
  });

  it('judges by a version another process adopted once ensureKnown has loaded it, and by no version never adopted', async () => {
    const earlier = await openServiceLevelRegistry(await startProcess(), policyFile(first), { clock });
    await openServiceLevelRegistry(await startProcess(), policyFile(second), { clock });

    expect(() => earlier.rulesFor(trowbridgeHighways('2027-1'))).toThrow(UnknownPolicyVersionError);
    await earlier.ensureKnown(['2026-1', '2027-1']);
    expect(earlier.rulesFor(trowbridgeHighways('2027-1'))?.targets.resolve).toBe(6);
    expect(earlier.calendarOf('2027-1').isWorkingDay('2027-01-04')).toBe(false); // Scotland's 2 January holiday, substituted
    await expect(earlier.ensureKnown(['2025-9'])).rejects.toThrow(new UnknownPolicyVersionError('2025-9'));
  });

  it('refuses a changed policy under a version already adopted, naming the version and the day', async () => {
    const store = await startProcess();
    await openServiceLevelRegistry(store, policyFile(first), { clock });
    const changed = { ...first, categories: { highways: { resolve: 12 } } };

    await expect(openServiceLevelRegistry(await startProcess(), policyFile(changed), { clock })).rejects.toThrow(
      'service-level policy 2026-1 in SERVICE_LEVELS_FILE /etc/council/service-levels.json differs from the version 2026-1 already adopted on 2026-03-02: give the changed policy a new version',
    );
    expect(await adoptedVersions(store)).toHaveLength(1);
  });

  it('accepts the same policy written differently (keys reordered, empty sections spelled out)', async () => {
    const store = await startProcess();
    await openServiceLevelRegistry(store, policyFile({ ...first, areas: undefined, categories: { highways: { resolve: 15 } } }), { clock });
    const rewritten = { areas: {}, categories: { highways: { resolve: 15 } }, default: { feedBack: 5, resolve: 20, acknowledge: 2 }, region: 'GB-ENG', version: '2026-1' };

    await expect(openServiceLevelRegistry(await startProcess(), policyFile(rewritten), { clock })).resolves.toBeDefined();
    expect(await adoptedVersions(store)).toHaveLength(1);
  });

  it('puts a new version in force while issues logged under the old one keep its targets and calendar', async () => {
    const store = await startProcess();
    await openServiceLevelRegistry(store, policyFile(first), { clock });
    const next = await openServiceLevelRegistry(await startProcess(), policyFile(second), { clock });

    expect(await adoptedVersions(store)).toEqual([
      { type: POLICY_ADOPTED, version: '2026-1' },
      { type: POLICY_ADOPTED, version: '2027-1' },
    ]);
    expect(next.inForce.version).toBe('2027-1');
    expect(next.rulesFor(trowbridgeHighways('2026-1'))).toMatchObject({ policyVersion: '2026-1', targets: { resolve: 10 } });
    expect(next.rulesFor(trowbridgeHighways('2027-1'))).toMatchObject({ policyVersion: '2027-1', targets: { resolve: 6 } });
    expect(next.rulesFor({ policyVersion: '2026-1', areaId: 'calne', category: 'parks' })?.targets).toEqual(first.default);
    // 2 January 2026 is a working day in England, not in Scotland.
    expect(next.calendarOf('2026-1').isWorkingDay('2026-01-02')).toBe(true);
    expect(next.calendarOf(null).isWorkingDay('2026-01-02')).toBe(false);
    expect(next.rulesFor(trowbridgeHighways(null))).toBeNull();
  });
};

describe(
  'service-level registry on SQLite',
  registrySuite(() => {
    const dir = mkdtempSync(join(tmpdir(), 'service-levels-'));
    return {
      open: async () => new SqliteEventStore({ file: join(dir, 'events.db'), clock: new ManualClock(new Date('2026-03-02T10:00:00.000Z')) }),
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }),
);

describeWithPostgres(
  'service-level registry on PostgreSQL',
  registrySuite(() => {
    const schema = scratchSchemaName('levels');
    return {
      open: () => PostgresEventStore.connect({ connectionString: TEST_DATABASE_URL!, schema, clock: new ManualClock(new Date('2026-03-02T10:00:00.000Z')), pollMs: 50 }),
      dispose: () => dropSchema(schema),
    };
  }),
);
