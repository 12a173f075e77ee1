import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../sqlite/sqliteEventStore';
import { EventStoreDbConnectError, EventStoreDbEventStore } from './eventStoreDbEventStore';

/**
 * What connect says when the server cannot be used; no EventStoreDB needed: a port nobody
 * listens on, and a server that accepts connections and never answers (on which the client
 * alone would wait for ever).
 */
describe('EventStoreDbEventStore.connect against a server that cannot be used', () => {
  let dir: string;
  let companion: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'esdb-connect-'));
    companion = new SqliteEventStore({ file: join(dir, 'companion.db') });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives up on a server that accepts and never answers at the deadline, saying what to check', async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    const started = Date.now();
    try {
      const attempt = EventStoreDbEventStore.connect({ connectionString: `kurrentdb://127.0.0.1:${port}?tls=false`, companion, timeoutMs: 1500 });
      await expect(attempt).rejects.toBeInstanceOf(EventStoreDbConnectError);
      await expect(attempt).rejects.toThrow(/did not answer within 1500 ms: check that EVENTSTORE_URL names a running server/);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });

  it('says the server could not be reached when nothing listens, and closes the companion it was given', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    const attempt = EventStoreDbEventStore.connect({ connectionString: `kurrentdb://127.0.0.1:${port}?tls=false`, companion, timeoutMs: 5000 });
    await expect(attempt).rejects.toThrow(/EventStoreDB could not be reached \(.*\): check the host and port in EVENTSTORE_URL, and that tls= matches the server/);
    await expect(companion.next('after-close')).rejects.toThrow(/not open/);
  });

  it('refuses a connection string the client cannot read, saying what one looks like', async () => {
    await expect(EventStoreDbEventStore.connect({ connectionString: 'postgres://localhost/events', companion })).rejects.toThrow(
      /EVENTSTORE_URL is not a connection string the client accepts .*kurrentdb:\/\/admin:changeit@localhost:2113\?tls=false/,
    );
  });
});
