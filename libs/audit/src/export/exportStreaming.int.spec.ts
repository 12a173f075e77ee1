import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { type EventStore, SqliteEventStore } from '@app/event-store';
import { revealNothing } from '../revealPersonalData';
import { exportChunks } from './exportChunks';
import { encoderFor } from './exportFormat';
import { writeExport } from './writeWithBackPressure';

const PAGE = 10;
const EVENTS = 200;

/** A sink that takes a chunk only when the test lets it: a client that reads slowly. */
class HeldSink extends Writable {
  received = 0;
  private release: Array<() => void> = [];
  constructor() {
    super({ highWaterMark: 1 });
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.release.push(() => {
      this.received += chunk.toString().split('\n').length - 1;
      done();
    });
  }
  takeOne(): boolean {
    const next = this.release.shift();
    next?.();
    return next !== undefined;
  }
}

describe('the export stream, on a real SQLite store', () => {
  let dir: string;
  let store: SqliteEventStore;
  let pagesRead: number;
  let counted: Pick<EventStore, 'readAll'>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'audit-export-'));
    store = new SqliteEventStore({ file: join(dir, 'events.db') });
    for (let stream = 0; stream < EVENTS / 20; stream++) {
      const events = Array.from({ length: 20 }, (_, n) => ({ id: randomUUID(), type: 'NoteAdded', data: { text: `note ${n}`, public: false }, metadata: {} }));
      await store.append(`issue-${stream}`, events, 0);
    }
  });
  beforeEach(() => {
    pagesRead = 0;
    counted = { readAll: (options) => (pagesRead++, store.readAll(options)) };
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const chunks = () => exportChunks({ store: counted, window: {}, encoder: encoderFor('jsonl'), reveal: revealNothing, pageSize: PAGE });
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('reads the next page only as the reader takes the last: at most one page ahead of it', async () => {
    const sink = new HeldSink();
    const writing = writeExport(chunks(), sink);
    let taken = 0;
    for (;;) {
      await settle();
      // Pages read never run more than one ahead of pages the sink has taken.
      expect(pagesRead).toBeLessThanOrEqual(taken + 2);
      if (!sink.takeOne()) break;
      taken++;
    }
    expect(await writing).toEqual({ events: EVENTS, complete: true });
    expect(sink.received).toBe(EVENTS);
  });

  it('stops reading the store once the reader has gone away', async () => {
    const sink = new HeldSink();
    const writing = writeExport(chunks(), sink);
    for (let i = 0; i < 3; i++) {
      await settle();
      sink.takeOne();
    }
    await settle();
    sink.destroy();
    const written = await writing;
    const readWhenGone = pagesRead;
    await settle();
    expect(written.complete).toBe(false);
    expect(written.events).toBeLessThan(EVENTS);
    expect(pagesRead).toBe(readWhenGone);
    expect(pagesRead).toBeLessThan(EVENTS / PAGE);
  });
});
