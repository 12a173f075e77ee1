import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { describeWithPostgres, dropSchema, scratchSchemaName, TEST_DATABASE_URL } from '../testing/postgresTestDatabase';
import { PostgresEventStore } from './postgresEventStore';
import { TransactionIdsAheadError } from './postgresTransactionIdGuard';

const connect = (schema: string) => PostgresEventStore.connect({ connectionString: TEST_DATABASE_URL!, schema, pollMs: 50 });
const event = () => ({ id: randomUUID(), type: 'Noted', data: {}, metadata: {} });

/** Writes a row as a restored dump from a server 10 million transactions further on would hold it. */
async function insertRowFromAheadServer(schema: string): Promise<string> {
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ ahead: string }>(
      `INSERT INTO "${schema}".events (transaction_id, event_id, stream_id, version, type, data, metadata, recorded_at, prev_hash, hash)
       VALUES ((pg_current_xact_id()::text::bigint + 10000000)::text::xid8, $1, 'issue-restored', 1, 'Restored', '{}', '{}',
               '2026-11-23T12:00:00.000Z', NULL, 'h')
       RETURNING transaction_id::text AS ahead`,
      [randomUUID()],
    );
    return rows[0].ahead;
  } finally {
    await client.end();
  }
}

describeWithPostgres('PostgreSQL transaction-id guard', () => {
  const schema = scratchSchemaName('xid_guard');
  afterAll(() => dropSchema(schema));

  it('opens a store whose rows this server wrote, refuses one holding ids from a server further on, and opens it once the remedy it names is applied', async () => {
    const first = await connect(schema);
    await first.append(`issue-${randomUUID()}`, [event()], 0);
    await first.close();
    // Reopening a store this server wrote is fine.
    await (await connect(schema)).close();

    const ahead = await insertRowFromAheadServer(schema);

    const refused = await connect(schema).then(
      async (opened) => {
        await opened.close();
        return undefined;
      },
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(TransactionIdsAheadError);
    const message = (refused as Error).message;
    expect(message).toContain(`schema "${schema}" records transaction ids up to ${ahead}`);
    expect(message).toContain('npm run cli -- migrate');
    expect(message).toContain('pg_basebackup');

    // The remedy the message gives: the rows take this server's ids, keep their order, and new appends follow them.
    const client = new Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(/UPDATE "[^`]+ = pg_current_xact_id\(\)/.exec(message)![0]).finally(() => client.end());
    const store = await connect(schema);
    try {
      await store.append('issue-after', [event()], 0);
      const { events } = await store.readAll();
      expect(events.map((e) => e.streamId)).toEqual([expect.stringMatching(/^issue-/), 'issue-restored', 'issue-after']);
    } finally {
      await store.close();
    }
  });
});
