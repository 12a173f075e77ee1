import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AuditKeys, headSealKeyOf } from '@app/audit';
import { SqliteEventStore } from '@app/event-store';
import { REFERENCE_KEY } from '@app/streams';
import { IssueHistories } from '../../bench/support/issueHistories';

export interface GeneratedSqliteStore {
  readonly file: string;
  readonly events: number;
  readonly issues: number;
  readonly personalKeys: number;
  readonly idempotencyRecords: number;
}

const IN_FLIGHT = 32;

/**
 * A SQLite store in `dataDir` as the API would have left it: exactly `events` events of realistic
 * issue histories (decided by the domain, so verify passes), each issue's reference taken as a
 * unique key and counted by its area's sequence, heads sealed with the audit keys the API would
 * generate into `dataDir`, some residents' personal-data keys and some idempotency records.
 * Built through the real adapter, many appends in flight so group commit batches them.
 */
export async function generateSqliteStore(dataDir: string, events: number, seed: number): Promise<GeneratedSqliteStore> {
  const file = join(dataDir, 'events.db');
  const keys = AuditKeys.load({ dataDir });
  const store = new SqliteEventStore({ file, headSealKey: headSealKeyOf(keys) });
  const histories = new IssueHistories(seed, Math.ceil(events / 6));
  const sequences = new Map<string, number>();
  const inFlight = new Set<Promise<unknown>>();
  let written = 0;
  let issues = 0;
  while (written < events) {
    const issue = histories.next(events - written);
    written += issue.events.length;
    issues++;
    const [code, year, number] = issue.reference.split('-');
    const name = `reference:${code}:${year}`;
    sequences.set(name, Math.max(sequences.get(name) ?? 0, Number(number)));
    const append: Promise<unknown> = store
      .append(issue.streamId, issue.events, 0, { uniqueKeys: [{ scope: REFERENCE_KEY, key: issue.reference }] })
      .finally(() => inFlight.delete(append));
    inFlight.add(append);
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);

  const personalKeys = 500;
  for (let i = 0; i < personalKeys; i++) {
    await store.subjectKeyFor({ subjectId: randomUUID(), lookup: i % 5 === 0 ? null : `lookup-${i}`, key: randomBytes(32), now: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) });
  }
  const idempotencyRecords = 20;
  for (let i = 0; i < idempotencyRecords; i++) {
    await store.claim({ scope: 'intake', key: `key-${i}`, requestHash: `hash-${i}`, now: new Date(Date.UTC(2026, 0, 2, 0, 0, i)), leaseMs: 30_000 });
  }
  await store.close();

  // The areas' reference counters, as intake leaves them (written raw: the store only counts up).
  const db = new Database(file);
  const insert = db.prepare('INSERT INTO sequences (name, value) VALUES (?, ?)');
  db.transaction(() => {
    for (const [name, value] of sequences) insert.run(name, value);
    // Half the claims completed, with the outcome the API keeps (as the store's append would).
    db.prepare(`UPDATE idempotency_keys SET response_body = ?, completed_at = claimed_at WHERE CAST(substr(key, 5) AS INTEGER) % 2 = 0`).run(
      JSON.stringify({ status: 201, body: { issueId: 'an-issue' } }),
    );
  })();
  db.close();
  return { file, events: written, issues, personalKeys, idempotencyRecords };
}
