import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { PostgresEventStore } from '@app/event-store';
import { describeWithPostgres, dropSchema, scratchSchemaName, TEST_DATABASE_URL } from '@app/event-store/testing/postgresTestDatabase';
import { runCli } from './support/cliProcess';
import { generateSqliteStore, type GeneratedSqliteStore } from './support/generatedSqliteStore';

const EVENTS = 100_000;
const PAGE_SIZE = '1000';
// Once the target's progress shows this many events copied (of 100,000), the copy is killed.
const KILL_AFTER = 20_000;

interface MigrationJson {
  readonly ok: boolean;
  readonly copy: { readonly eventsCopied: number; readonly eventsInTarget: number; readonly companionChanged: Record<string, number> };
  readonly eventsPerSecond: number;
  readonly seconds: { readonly copy: number; readonly total: number };
  readonly verify: { readonly ok: boolean; readonly eventsChecked: number };
  readonly comparison: { readonly ok: boolean; readonly eventsCompared: number };
}

/** Every event, in the order readers get it, as one line of the fields a copy must keep. */
const EVENT_LINE =
  `event_id || '|' || stream_id || '|' || version || '|' || type || '|' || recorded_at || '|' || coalesce(prev_hash, '-') || '|' || hash AS line`;

describeWithPostgres('migrate --from sqlite --to postgres (100,000 events, killed in the middle)', () => {
  // On a RAM disk where there is one: the source is built with synchronous=FULL.
  const dataDir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'issues-migrate-'));
  const schema = scratchSchemaName('migrate');
  const env = { DATA_DIR: dataDir, DATABASE_URL: TEST_DATABASE_URL!, DATABASE_SCHEMA: schema, LOG_LEVEL: 'silent' };
  const killedAppName = `killed-${schema}`;
  const pg = new Client({ connectionString: TEST_DATABASE_URL });
  let source: GeneratedSqliteStore;

  beforeAll(async () => {
    const started = performance.now();
    source = await generateSqliteStore(dataDir, EVENTS, 16);
    console.log(`migrate e2e: built the ${source.events} event source store in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await pg.connect();
  }, 120_000);
  afterAll(async () => {
    await pg.end();
    await dropSchema(schema);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const targetCount = async () => Number((await pg.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".events`)).rows[0].n);
  const recordedProgress = async () => {
    const { rows } = await pg
      .query<{ copied: string }>(`SELECT events_copied AS copied FROM "${schema}".migration_progress`)
      .catch(() => ({ rows: [] as { copied: string }[] }));
    return rows[0] ? Number(rows[0].copied) : 0;
  };

  /** `npm run cli -- migrate ...` in a process group of its own, SIGKILLed (npm, ts-node and all) once the target shows `after` events copied. */
  function migrateKilledAfter(after: number): Promise<{ killedAt: number; signal: NodeJS.Signals | null }> {
    return new Promise((resolve, reject) => {
      const child = spawn('npm', ['run', '-s', 'cli', '--', 'migrate', '--from', 'sqlite', '--to', 'postgres', '--page-size', PAGE_SIZE], {
        cwd: join(__dirname, '..'),
        // Named, so the test can see when the server has let go of every connection it had.
        env: { ...process.env, ...env, PGAPPNAME: killedAppName },
        detached: true,
        stdio: 'ignore',
      });
      let killedAt = -1;
      let exited = false;
      const watch = async () => {
        while (!exited && killedAt < 0) {
          const copied = await recordedProgress();
          if (copied >= after) {
            killedAt = copied;
            process.kill(-child.pid!, 'SIGKILL');
          } else {
            await new Promise((wait) => setTimeout(wait, 10));
          }
        }
      };
      void watch().catch(reject);
      child.once('error', reject);
      child.once('exit', (_code, signal) => {
        exited = true;
        resolve({ killedAt, signal });
      });
    });
  }

  /**
   * After the kill, the server may still be finishing a COMMIT the CLI sent just before it died:
   * wait until every backend of the killed CLI has gone, so the count read next is final.
   */
  const killedCopySettled = async () => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const { rows } = await pg.query<{ n: string }>(
        'SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1',
        [killedAppName],
      );
      if (Number(rows[0].n) === 0) return;
      if (Date.now() > deadline) throw new Error(`a backend of the killed migration (${killedAppName}) is still there after 15 s`);
      await new Promise((wait) => setTimeout(wait, 50));
    }
  };

  const migrate = async () => {
    const run = await runCli(['migrate', '--from', 'sqlite', '--to', 'postgres', '--page-size', PAGE_SIZE, '--json'], env);
    if (run.code !== 0) throw new Error(`migrate exited ${run.code}:\n${run.stdout}\n${run.stderr}`);
    return JSON.parse(run.stdout) as MigrationJson;
  };

  it('resumes after a kill -9 mid-copy, ends with exactly the source (events, order, keys, sequences, heads), verifies, and a third run adds nothing', async () => {
    const started = performance.now();
    const killed = await migrateKilledAfter(KILL_AFTER);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.killedAt).toBeGreaterThanOrEqual(KILL_AFTER);
    // Killed in the middle: part copied, and the events and the recorded progress committed together.
    await killedCopySettled();
    const afterKill = await targetCount();
    expect(afterKill).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(afterKill).toBeLessThan(EVENTS);
    expect(await recordedProgress()).toBe(afterKill);

    const second = await migrate();
    expect(second).toMatchObject({ ok: true, verify: { ok: true, eventsChecked: EVENTS }, comparison: { ok: true, eventsCompared: EVENTS } });
    expect(second.copy.eventsCopied).toBe(EVENTS - afterKill);
    expect(second.copy.eventsInTarget).toBe(EVENTS);
    console.log(
      `migrate e2e: killed at ${afterKill} events; the rerun copied ${second.copy.eventsCopied} in ${second.seconds.copy.toFixed(1)} s (${second.eventsPerSecond} events/s), ` +
        `${second.seconds.total.toFixed(1)} s with verify and compare`,
    );

    // The target's events, in its readers' order, are the source's, field for field.
    const sqlite = new Database(source.file, { readonly: true });
    try {
      const sourceLines = sqlite.prepare<[], { line: string }>(`SELECT ${EVENT_LINE} FROM events ORDER BY global_position`).all().map((row) => row.line);
      const { rows } = await pg.query<{ line: string }>(
        `SELECT ${EVENT_LINE} FROM "${schema}".events ORDER BY "${schema}".events.transaction_id, global_position`,
      );
      expect(rows.length).toBe(EVENTS);
      expect(rows.map((row) => row.line)).toEqual(sourceLines);

      // ... and so are the rows beside them.
      const sameRows = async (sqliteSql: string, pgSql: string, normalise: (row: Record<string, unknown>) => unknown = (row) => row) => {
        const expected = sqlite.prepare<[], Record<string, unknown>>(sqliteSql).all().map(normalise);
        const { rows: actual } = await pg.query(pgSql);
        expect(actual).toEqual(expected);
        return expected.length;
      };
      const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${column}`;
      expect(
        await sameRows(
          'SELECT scope, key, stream_id FROM unique_keys ORDER BY scope, key',
          `SELECT scope, key, stream_id FROM "${schema}".unique_keys ORDER BY scope COLLATE "C", key COLLATE "C"`,
        ),
      ).toBe(source.issues);
      expect(
        await sameRows('SELECT name, value FROM sequences ORDER BY name', `SELECT name, value::int AS value FROM "${schema}".sequences ORDER BY name COLLATE "C"`),
      ).toBeGreaterThan(10);
      expect(
        await sameRows(
          'SELECT stream_id, version, last_hash, last_recorded_at, seal FROM streams ORDER BY stream_id',
          `SELECT stream_id, version, last_hash, last_recorded_at, seal FROM "${schema}".streams ORDER BY stream_id COLLATE "C"`,
        ),
      ).toBe(source.issues);
      expect(
        await sameRows(
          'SELECT subject_id, lookup, hex(key) AS key, created_at FROM personal_data_keys ORDER BY subject_id',
          `SELECT subject_id, lookup, upper(encode(key, 'hex')) AS key, ${iso('created_at')} FROM "${schema}".personal_data_keys ORDER BY subject_id COLLATE "C"`,
        ),
      ).toBe(source.personalKeys);
      expect(
        await sameRows(
          'SELECT scope, key, request_hash, claim_token, claimed_at, response_body, completed_at FROM idempotency_keys ORDER BY scope, key',
          `SELECT scope, key, request_hash, claim_token, ${iso('claimed_at')}, response_body, ${iso('completed_at')}
           FROM "${schema}".idempotency_keys ORDER BY scope COLLATE "C", key COLLATE "C"`,
          (row) => ({ ...row, response_body: row.response_body === null ? null : JSON.parse(row.response_body as string) }),
        ),
      ).toBe(source.idempotencyRecords);
    } finally {
      sqlite.close();
    }

    const third = await migrate();
    expect(third).toMatchObject({ ok: true, copy: { eventsCopied: 0, eventsInTarget: EVENTS } });
    expect(Object.values(third.copy.companionChanged).every((count) => count === 0)).toBe(true);
    expect(await targetCount()).toBe(EVENTS);

    // The target is a working store: the guard lets it open, and an append continues a copied stream after the copied history.
    const store = await PostgresEventStore.connect({ connectionString: TEST_DATABASE_URL!, schema });
    try {
      const { rows } = await pg.query<{ stream_id: string; version: number }>(`SELECT stream_id, version FROM "${schema}".streams LIMIT 1`);
      const before = await store.headCheckpoint();
      const note = { id: randomUUID(), type: 'NoteAdded', data: { text: 'after the move', public: false }, metadata: {} };
      expect((await store.append(rows[0].stream_id, [note], rows[0].version)).nextVersion).toBe(rows[0].version + 1);
      expect((await store.readAll({ after: before })).events.map((event) => event.id)).toEqual([note.id]);
      expect(await store.countAfter(null)).toBe(EVENTS + 1);
    } finally {
      await store.close();
    }
    console.log(`migrate e2e: the three runs took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }, 240_000);
});
