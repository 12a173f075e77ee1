import { randomUUID } from 'node:crypto';
import { type EventStoreAdapter, PostgresEventStore, SqliteEventStore } from '@app/event-store';
import { ManualClock } from '@app/event-store/testing/manualClock';
import { dropSchema, scratchSchemaName, TEST_DATABASE_URL } from '@app/event-store/testing/postgresTestDatabase';
import type { IssueEvent } from '@app/lifecycle';
import { streamIdOf, toNewEvent } from '@app/streams';
import type { ReadModelDb, SqlValue } from '../db/readModelDb';
import { PostgresReadModelDb } from '../db/postgresReadModelDb';
import { SqliteReadModelDb } from '../db/sqliteReadModelDb';
import type { Projection } from '../projection';
import { ProjectionHost } from '../projectionHost';

export type HarnessStore = 'sqlite' | 'postgres';
export const HARNESS_STORES: HarnessStore[] = TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

const provenance = { actor: { id: 'spec', role: 'admin' as const }, correlationId: 'spec', causationId: 'spec' };

/**
 * Projection specs in given-events / then-rows form, on a real store and read-model database
 * (SQLite in memory, or a scratch PostgreSQL schema), through the real runner.
 */
export class ProjectionHarness {
  private constructor(
    readonly store: EventStoreAdapter,
    readonly db: ReadModelDb,
    readonly host: ProjectionHost,
    private readonly dispose: () => Promise<void>,
  ) {}

  static async open(projections: readonly Projection[], kind: HarnessStore, clock = new ManualClock()): Promise<ProjectionHarness> {
    if (kind === 'sqlite') {
      const store = new SqliteEventStore({ file: ':memory:', pollMs: 20 });
      const db = new SqliteReadModelDb(':memory:');
      const host = await ProjectionHost.open(projections, { store, db, clock, tickMs: 20 });
      return new ProjectionHarness(store, db, host, async () => {
        await host.stop();
        await db.close();
        await store.close();
      });
    }
    const schema = scratchSchemaName('projections');
    const store = await PostgresEventStore.connect({ connectionString: TEST_DATABASE_URL!, schema, pollMs: 20 });
    const db = await PostgresReadModelDb.connect({ connectionString: TEST_DATABASE_URL!, schema });
    const host = await ProjectionHost.open(projections, { store, db, clock, tickMs: 20 });
    return new ProjectionHarness(store, db, host, async () => {
      await host.stop();
      await db.close();
      await store.close();
      await dropSchema(schema);
    });
  }

  /** Given these events in an issue's stream (appended after what it holds). */
  async given(issueId: string, events: readonly IssueEvent[]): Promise<void> {
    const stream = streamIdOf(issueId);
    const version = (await this.store.readStream(stream)).length;
    await this.store.append(stream, events.map((event) => toNewEvent(event, provenance)), version);
  }

  /** Runs the projections until they have applied everything in the store. */
  async settle(timeoutMs = 10_000): Promise<void> {
    this.host.run();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const infos = await this.host.describe();
      if (infos.every((info) => info.lag === 0 && info.status === 'live')) return;
      if (Date.now() > deadline) throw new Error(`projections did not settle: ${JSON.stringify(infos)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  rows<T = Record<string, unknown>>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    return this.db.all<T>(sql, params);
  }

  close(): Promise<void> {
    return this.dispose();
  }
}

export const newIssueId = () => randomUUID();
