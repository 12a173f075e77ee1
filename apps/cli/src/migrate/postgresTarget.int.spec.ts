import { randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { type GlobalEvent, hashEvent, PostgresEventStore } from '@app/event-store';
import { describeWithPostgres, dropSchema, scratchSchemaName, TEST_DATABASE_URL } from '@app/event-store/testing/postgresTestDatabase';
import { erasedSubjectsOf } from './copyHistory';
import { MigrationRefusedError } from './migrationRefusedError';
import { PostgresMigrationTarget } from './postgresTarget';

const target = (schema: string) => new PostgresMigrationTarget(new Pool({ connectionString: TEST_DATABASE_URL, max: 2 }), schema);
const SOURCE = { description: 'sqlite test', firstEventId: randomUUID() };

/** A stream's events as a source store would hand them over, chained and hashed. */
function sourceEvents(streamId: string, types: Array<[string, unknown]>, firstPosition: number): GlobalEvent[] {
  const events: GlobalEvent[] = [];
  for (const [index, [type, data]] of types.entries()) {
    const fields = { streamId, version: index + 1, type, data, metadata: {}, recordedAt: `2026-01-0${index + 1}T00:00:00.000Z`, prevHash: events.at(-1)?.hash ?? null };
    const position = firstPosition + index;
    events.push({ ...fields, id: randomUUID(), hash: hashEvent(fields), globalPosition: position, checkpoint: String(position) });
  }
  return events;
}

describeWithPostgres('the PostgreSQL migration target', () => {
  const schemas: string[] = [];
  const fresh = () => {
    const schema = scratchSchemaName('migrate_target');
    schemas.push(schema);
    return schema;
  };
  afterAll(async () => {
    for (const schema of schemas) await dropSchema(schema);
  });

  it('destroys, with the page recording an erasure, a personal-data key an earlier run copied', async () => {
    const schema = fresh();
    const subjectId = randomUUID();
    const first = target(schema);
    await first.open(SOURCE);
    const [logged, erased] = sourceEvents('issue-1', [['IssueLogged', { subjectId }], ['PersonalDataErased', { subjectId }]], 1);
    await first.copy([logged], logged.checkpoint, erasedSubjectsOf([logged]));
    await first.copyCompanion({ personalKeys: [{ subjectId, lookup: 'l', key: randomBytes(32), createdAt: '2026-01-01T00:00:00.000Z' }] });
    await first.close();

    const second = target(schema);
    expect(await second.open(SOURCE)).toEqual({ sourceCheckpoint: '1', eventsCopied: 1 });
    expect(erasedSubjectsOf([erased])).toEqual([subjectId]);
    await second.copy([erased], erased.checkpoint, erasedSubjectsOf([erased]));
    await second.close();

    const store = await PostgresEventStore.connect({ connectionString: TEST_DATABASE_URL!, schema });
    try {
      expect(await store.subjectKeys([subjectId])).toEqual(new Map());
      expect((await store.readStream('issue-1')).map((event) => event.id)).toEqual([logged.id, erased.id]);
    } finally {
      await store.close();
    }
  });

  it('refuses a store holding events no migration wrote, another history, a store written to since, and a second run at once', async () => {
    const schema = fresh();
    const store = await PostgresEventStore.connect({ connectionString: TEST_DATABASE_URL!, schema });
    await store.append('issue-x', [{ id: randomUUID(), type: 'NoteAdded', data: {}, metadata: {} }], 0);
    await store.close();
    const foreign = target(schema);
    await expect(foreign.open(SOURCE)).rejects.toThrow(/already holds 1 events that no migration wrote: migrate into an empty store/);
    await foreign.close();

    const other = fresh();
    const running = target(other);
    await running.open(SOURCE);
    const page = sourceEvents('issue-1', [['IssueLogged', {}]], 1);
    await running.copy(page, '1', []);
    const concurrent = target(other);
    await expect(concurrent.open(SOURCE)).rejects.toThrow(/another migrate run is copying into/);
    await concurrent.close();
    await running.close();

    const anotherHistory = target(other);
    await expect(anotherHistory.open({ description: 'sqlite elsewhere', firstEventId: randomUUID() })).rejects.toThrow(
      /holds a migration of another history \(sqlite test/,
    );
    await anotherHistory.close();

    const written = await PostgresEventStore.connect({ connectionString: TEST_DATABASE_URL!, schema: other });
    await written.append('issue-1', [{ id: randomUUID(), type: 'NoteAdded', data: {}, metadata: {} }], 1);
    await written.close();
    const since = target(other);
    const refusal = await since.open(SOURCE).catch((error: unknown) => error);
    await since.close();
    expect(refusal).toBeInstanceOf(MigrationRefusedError);
    expect((refusal as Error).message).toMatch(/holds 2 events, but this migration wrote 1: it has been written to since/);
  });
});
