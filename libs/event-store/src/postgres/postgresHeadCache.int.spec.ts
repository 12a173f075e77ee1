import { randomUUID } from 'node:crypto';
import { WrongExpectedVersionError } from '../errors';
import { hashEvent } from '../eventHash';
import { describeWithPostgres, dropSchema, scratchSchemaName, TEST_DATABASE_URL } from '../testing/postgresTestDatabase';
import { PostgresEventStore } from './postgresEventStore';

const event = (type: string) => ({ id: randomUUID(), type, data: { type }, metadata: {} });

/**
 * Each process plans its appends on the stream heads it last saw; another process appending to
 * the same stream makes that belief stale. The store must notice under the stream's lock and
 * plan again, never fork a chain or report a wrong version.
 */
describeWithPostgres('PostgreSQL appends planned on a stale head', () => {
  const schema = scratchSchemaName('heads');
  let first: PostgresEventStore;
  let second: PostgresEventStore;
  beforeAll(async () => {
    first = await PostgresEventStore.connect({ connectionString: TEST_DATABASE_URL!, schema });
    second = await PostgresEventStore.connect({ connectionString: TEST_DATABASE_URL!, schema });
  });
  afterAll(async () => {
    await first.close();
    await second.close();
    await dropSchema(schema);
  });

  it('appends at the right version when another process moved the head since this one last saw it', async () => {
    const stream = `issue-${randomUUID()}`;
    await first.append(stream, [event('A')], 0);
    await first.readStream(stream); // first now believes the head is at 1
    await second.append(stream, [event('B')], 1);
    await second.append(stream, [event('C')], 2);
    await first.append(stream, [event('D')], 3, {});

    const events = await second.readStream(stream);
    expect(events.map((e) => [e.version, e.type])).toEqual([
      [1, 'A'],
      [2, 'B'],
      [3, 'C'],
      [4, 'D'],
    ]);
    events.forEach((e, i) => {
      expect(e.prevHash).toBe(i === 0 ? null : events[i - 1].hash);
      expect(e.hash).toBe(hashEvent({ prevHash: e.prevHash, streamId: stream, version: e.version, type: e.type, data: e.data, metadata: e.metadata, recordedAt: e.recordedAt }));
    });
  });

  it('reports the stream as it really is when the stale belief hid a conflict', async () => {
    const stream = `issue-${randomUUID()}`;
    await first.append(stream, [event('A')], 0);
    await second.append(stream, [event('B')], 1);
    // first still believes the stream is at 1: its append at 1 must be refused at 2.
    const refused = first.append(stream, [event('late')], 1);
    await expect(refused).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await expect(refused).rejects.toMatchObject({ currentVersion: 2 });
    expect((await first.readStream(stream)).map((e) => e.type)).toEqual(['A', 'B']);
  });

  it('creates a stream once when two processes race to create it', async () => {
    const stream = `issue-${randomUUID()}`;
    const results = await Promise.allSettled([first.append(stream, [event('one')], 0), second.append(stream, [event('two')], 0)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
    expect(await first.readStream(stream)).toHaveLength(1);
  });
});
