/**
 * Loading an issue as every command does (IssueRepository.load: read its own stream, fold it)
 * on a store of one size, in a process of its own: the cost must not grow with the store.
 */
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { foldIssue } from '@app/lifecycle';
import { toIssueEvent } from '@app/streams';
import { type GeneratedStore, openGeneratedStore } from '../../support/generatedStore';
import { summarise } from '../../support/latency';
import { emptyRow } from '../benchRow';
import { ownMemory, partArgs, partMain } from '../partProcess';
import { SEED, type StreamLoadArgs, streamLoadLabel, streamLoadRowId } from './readRows';

/** Issues loaded in turn: enough that no one stream's pages decide the figure. */
const SAMPLE = 500;

/** A random sample of the store's issue streams, read straight from its tables. */
async function sampleIssues(generated: GeneratedStore, databaseUrl: string | undefined): Promise<string[]> {
  const sql = (table: string) => `SELECT stream_id FROM ${table} WHERE stream_id LIKE 'issue-%' ORDER BY random() LIMIT ${SAMPLE}`;
  if (!databaseUrl) {
    const db = new Database(generated.location, { readonly: true });
    try {
      return db.prepare(sql('streams')).pluck().all() as string[];
    } finally {
      db.close();
    }
  }
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<{ stream_id: string }>(sql(`"${generated.location}".streams`))).rows.map((row) => row.stream_id);
  } finally {
    await client.end();
  }
}

async function main() {
  const { kind, events, smallest, warmup, loads, databaseUrl } = partArgs<StreamLoadArgs>();
  const generated = await openGeneratedStore({ kind, size: { events }, seed: SEED, databaseUrl });
  const { store } = generated;
  try {
    const issues = await sampleIssues(generated, kind === 'postgres' ? databaseUrl : undefined);
    if (issues.length === 0) throw new Error(`the generated store ${generated.location} holds no issue streams`);
    const load = async (index: number) => {
      const stored = await store.readStream(issues[index % issues.length]);
      const issue = foldIssue(stored.map(toIssueEvent));
      if (issue.status === 'none') throw new Error(`${issues[index % issues.length]} folded to no issue`);
    };
    for (let i = 0; i < warmup; i++) await load(i);
    const latencies: number[] = [];
    const started = performance.now();
    for (let i = 0; i < loads; i++) {
      const sent = performance.now();
      await load(i);
      latencies.push(performance.now() - sent);
    }
    const seconds = (performance.now() - started) / 1000;
    const { p50, p99 } = summarise(latencies);
    return [
      emptyRow({
        part: 'stream-load',
        id: streamLoadRowId(kind, events),
        label: streamLoadLabel(kind, events),
        ours: true,
        status: 'ok',
        unit: 'loads/s',
        concurrency: 1,
        throughput: loads / seconds,
        p50Ms: p50,
        p99Ms: p99,
        ...(events !== smallest && { baselineId: streamLoadRowId(kind, smallest), baselineName: `${smallest.toLocaleString('en-GB')} events`, ratioOf: 'p50' as const }),
        failures: 0,
        attempts: loads,
        ...ownMemory(),
        note: `${generated.issues.toLocaleString('en-GB')} issues in the store; ${issues.length} sampled`,
      }),
    ];
  } finally {
    await store.close();
  }
}

partMain(main);
