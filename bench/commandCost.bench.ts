/**
 * Does a command's cost grow with the size of the store? For stores of several sizes, time the
 * whole command path (read the issue's stream, fold it, decide, append with its hash chain)
 * against a raw baseline in the same run: one bare INSERT per operation into a plain SQLite
 * table with the same durability settings (WAL, synchronous=FULL).
 *
 *   npm run bench:commands
 */
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore, systemClock } from '@app/event-store';
import { ANONYMOUS, bankHolidayCalendar, decide, NO_ISSUE, type Actor } from '@app/lifecycle';
import type { ServiceLevelRegistry } from '@app/service-levels';
import type { CommandContext } from '../apps/api/src/issues/commandContext';
import { IssueRepository } from '../apps/api/src/issues/issueRepository';
import { IssueViewRenderer } from '../apps/api/src/issues/issueViewRenderer';
import { PersonalDataVault } from '@app/personal-data';

const SIZES = [0, 20_000, 100_000];
const OPERATIONS = 400;
const ISSUES = 50;
const officer: Actor = { kind: 'staff', id: 'bench-officer', role: 'officer', areas: ['*'] };
const context = (actor: Actor): CommandContext => ({ actor, commandId: randomUUID(), correlationId: randomUUID() });
const payload = { text: 'x'.repeat(200), public: false };
// The bench's issues keep no policy version, so they have no deadlines to judge.
const calendar = bankHolidayCalendar('GB-ENG');
const noServiceLevels: ServiceLevelRegistry = {
  inForce: { version: 'bench', region: 'GB-ENG', default: { acknowledge: 2, resolve: 20, feedBack: 5 }, categories: {}, areas: {} },
  rulesFor: () => null,
  calendarOf: () => calendar,
  ensureKnown: async () => {},
};

async function fill(store: SqliteEventStore, events: number): Promise<void> {
  const perStream = 20;
  for (let stream = 0; stream < events / perStream; stream++) {
    const batch = Array.from({ length: perStream }, (_, i) => ({ id: randomUUID(), type: 'NoteAdded', data: { ...payload, i }, metadata: {} }));
    await store.append(`filler-${stream}`, batch, 0);
  }
}

async function ourCommands(store: SqliteEventStore): Promise<number> {
  const vault = new PersonalDataVault(store, randomBytes(32));
  const issues = new IssueRepository(store, vault, new IssueViewRenderer(vault, store, noServiceLevels, systemClock));
  const ids: string[] = [];
  for (let i = 0; i < ISSUES; i++) {
    const id = randomUUID();
    const logged = decide(NO_ISSUE, { type: 'log', data: { reference: `BENCH-2026-${i}`, title: 'Bench issue', description: 'd', category: 'other', areaId: 'trowbridge', channel: 'online', raisedBy: { name: 'R' } } }, { actor: ANONYMOUS, now: new Date() });
    if (!logged.ok) throw new Error('setup failed');
    await issues.record(id, NO_ISSUE, logged.value, context(ANONYMOUS), 201);
    ids.push(id);
  }
  const started = process.hrtime.bigint();
  for (let op = 0; op < OPERATIONS; op++) {
    const id = ids[op % ISSUES];
    const state = await issues.load(id);
    const decided = decide(state, { type: 'notes', data: payload }, { actor: officer, now: new Date(), expectedVersion: state.version });
    if (!decided.ok) throw new Error(JSON.stringify(decided.error));
    const recorded = await issues.record(id, state, decided.value, context(officer), 200);
    if (!recorded.ok) throw new Error(JSON.stringify(recorded.error));
  }
  return Number(process.hrtime.bigint() - started) / 1e6 / OPERATIONS;
}

function rawInserts(file: string): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE events (position INTEGER PRIMARY KEY, stream TEXT NOT NULL, version INTEGER NOT NULL, data TEXT NOT NULL, UNIQUE (stream, version))');
  const insert = db.prepare('INSERT INTO events (stream, version, data) VALUES (?, ?, ?)');
  const started = process.hrtime.bigint();
  for (let op = 0; op < OPERATIONS; op++) {
    db.transaction(() => insert.run(`s-${op % ISSUES}`, op, JSON.stringify(payload)))();
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6 / OPERATIONS;
  db.close();
  return ms;
}

async function main(): Promise<void> {
  console.log(`command cost vs store size: ${OPERATIONS} commands on ${ISSUES} issues, node ${process.version}, ${cpus().length} × ${cpus()[0]?.model}`);
  console.log('| events already in the store | command (ms) | raw INSERT (ms) | command / raw |');
  console.log('|---:|---:|---:|---:|');
  for (const size of SIZES) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-'));
    const store = new SqliteEventStore({ file: join(dir, 'events.db') });
    await fill(store, size);
    const ours = await ourCommands(store);
    await store.close();
    const raw = rawInserts(join(dir, 'raw.db'));
    rmSync(dir, { recursive: true, force: true });
    console.log(`| ${size.toLocaleString('en-GB')} | ${ours.toFixed(3)} | ${raw.toFixed(3)} | ${(ours / raw).toFixed(2)} |`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
