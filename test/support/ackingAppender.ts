/**
 * The process test/fsyncTrace.e2e-spec.ts runs under strace: appends with 32 in flight and,
 * as each append settles, writes "ACK <n>" or "FAIL <n>" to the answers file, the way the API
 * answers a command once the store has acknowledged it.
 *
 * Usage: node -r ts-node/register/transpile-only test/support/ackingAppender.ts <mode> <dir> <count>
 * Modes:
 * - store: the SqliteEventStore on <dir>/events.db (what must pass);
 * - raw-synchronous-full: better-sqlite3 in WAL, synchronous=FULL, each insert committed alone
 *   (the plain safe way: must pass);
 * - raw-synchronous-off: the same with synchronous=OFF (a skipped fsync: must fail);
 * - ack-before-commit: better-sqlite3 in WAL, synchronous=FULL, each answer given before its
 *   commit (must fail).
 * Exits 1 if an append fails for a reason the run did not plan.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DuplicateKeyError, WrongExpectedVersionError } from '../../libs/event-store/src/errors';
import { SqliteEventStore } from '../../libs/event-store/src/sqlite/sqliteEventStore';
import { markerOf } from './fsyncTrace';

const IN_FLIGHT = 32;
const TAKEN_KEY = { scope: 'reference', key: 'TAKEN-0001' };

type Append = (n: number) => Promise<void>;

const eventOf = (n: number) => ({
  id: randomUUID(),
  type: 'NoteAdded',
  data: { mark: markerOf(n), text: `note ${n}` },
  metadata: { actor: { id: 'tracer', role: 'officer' } },
});

/**
 * The store, on many streams, with a few appends planned to fail: a wrong expected version,
 * a unique key another stream holds, and pairs racing for the same stream at version 0.
 */
async function storeAppender(file: string): Promise<{ append: Append; close: () => Promise<void> }> {
  const store = new SqliteEventStore({ file });
  await store.append('trace-holder', [eventOf(999_999)], 0, { uniqueKeys: [TAKEN_KEY] });
  const append: Append = async (n) => {
    const slot = n % 16;
    if (slot === 7) await store.append(`trace-${n}`, [eventOf(n)], 5); // the stream is new: fails
    else if (slot === 9) await store.append(`trace-${n}`, [eventOf(n)], 0, { uniqueKeys: [TAKEN_KEY] }); // fails
    else if (slot === 12) await store.append(`trace-${n - 1}`, [eventOf(n)], 0); // races slot 11: one fails
    else await store.append(`trace-${n}`, [eventOf(n), eventOf(n)], 0, { uniqueKeys: [{ scope: 'reference', key: `R-${n}` }] });
  };
  return { append, close: () => store.close() };
}

function rawAppender(file: string, synchronous: 'OFF' | 'FULL', answerBeforeCommit: boolean): { append: Append; close: () => Promise<void> } {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec('CREATE TABLE events (position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, data TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO events (stream_id, data) VALUES (?, ?)');
  const commit = (n: number) => insert.run(`trace-${n}`, JSON.stringify(eventOf(n).data));
  const append: Append = answerBeforeCommit
    ? (n) => new Promise<void>((resolve) => (resolve(), setImmediate(() => commit(n))))
    : async (n) => void commit(n);
  // setImmediate runs in order: the commits answered early are done before the close.
  const close = () =>
    new Promise<void>((resolve) =>
      setImmediate(() => {
        db.close();
        resolve();
      }),
    );
  return { append, close };
}

async function main(): Promise<void> {
  const [mode, dir, countText] = process.argv.slice(2);
  const count = Number(countText);
  if (!dir || !Number.isInteger(count)) throw new Error('usage: ackingAppender.ts <mode> <dir> <count>');
  const file = join(dir, 'events.db');
  const appender =
    mode === 'store'
      ? await storeAppender(file)
      : mode === 'raw-synchronous-full'
        ? rawAppender(file, 'FULL', false)
        : mode === 'raw-synchronous-off'
          ? rawAppender(file, 'OFF', false)
          : mode === 'ack-before-commit'
            ? rawAppender(file, 'FULL', true)
            : undefined;
  if (!appender) throw new Error(`unknown mode ${mode}: use store, raw-synchronous-full, raw-synchronous-off or ack-before-commit`);

  const answers = openSync(join(dir, 'answers'), 'w');
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const n = next++;
      try {
        await appender.append(n);
        writeSync(answers, `ACK ${n}\n`);
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError || error instanceof DuplicateKeyError)) throw error;
        writeSync(answers, `FAIL ${n}\n`);
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  closeSync(answers);
  await appender.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
