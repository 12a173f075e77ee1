import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { eventStoreContract } from '../testing/eventStoreContract';
import Database from 'better-sqlite3';
import { StoreBusyError } from '../errors';
import { SqliteEventStore } from './sqliteEventStore';

describe('SqliteEventStore', () => {
  describe('contract', () => {
    eventStoreContract(async (clock) => {
      const dir = mkdtempSync(join(tmpdir(), 'sqlite-store-'));
      const store = new SqliteEventStore({ file: join(dir, 'events.db'), clock, pollMs: 50 });
      return {
        store,
        dispose: async () => {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    });
  });

  it('keeps every event and sequence in its file across a reopen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqlite-store-'));
    const file = join(dir, 'nested', 'events.db');
    const first = new SqliteEventStore({ file });
    const event = { id: randomUUID(), type: 'Kept', data: { n: 1 }, metadata: {} };
    await first.append('issue-1', [event], 0);
    await first.next('TROW-2026');
    await first.close();

    const second = new SqliteEventStore({ file });
    expect(await second.readStream('issue-1')).toMatchObject([{ id: event.id, version: 1 }]);
    expect(await second.next('TROW-2026')).toBe(2);
    await second.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers busy, writing nothing, while another process holds the write lock, and appends once it is free', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqlite-store-'));
    const file = join(dir, 'events.db');
    const store = new SqliteEventStore({ file, busyTimeoutMs: 50 });
    await store.append('issue-1', [{ id: randomUUID(), type: 'First', data: {}, metadata: {} }], 0);
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    other.prepare("INSERT INTO sequences (name, value) VALUES ('held', 1)").run();
    const event = { id: randomUUID(), type: 'Second', data: {}, metadata: {} };
    await expect(store.append('issue-1', [event], 1)).rejects.toThrow(StoreBusyError);
    other.exec('COMMIT');
    other.close();
    expect((await store.append('issue-1', [event], 1)).nextVersion).toBe(2);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
