/**
 * The HTTP baseline: a bare Node `http` server that does what the app's intake and a note do
 * durably, and nothing else: read the JSON body, one prepared INSERT in autocommit (its own
 * fsynced transaction: WAL, synchronous=FULL, as the store), answer with the id and version.
 * No framework, validation, authentication, hashing or projections. Run by httpPart.ts as its
 * own process; it tells its port over IPC and runs until killed.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { partArgs } from '../partProcess';

const { dataDir } = partArgs<{ dataDir: string }>();
const db = new Database(join(dataDir, 'bare.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('CREATE TABLE IF NOT EXISTS events (global_position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, version INTEGER NOT NULL, data TEXT NOT NULL, UNIQUE (stream_id, version))');
const insert = db.prepare('INSERT INTO events (stream_id, version, data) VALUES (?, ?, ?)');
const NOTE_PATH = /^\/issues\/([0-9a-f-]{36})\/notes$/;

function answer(response: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  response.end(json);
}

async function bodyOf(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
}

const server = createServer((request, response) => {
  bodyOf(request).then(
    (body) => {
      const note = request.method === 'POST' ? NOTE_PATH.exec(request.url ?? '') : null;
      if (request.method === 'POST' && request.url === '/issues') {
        const id = randomUUID();
        insert.run(id, 1, JSON.stringify(body));
        return answer(response, 201, { id, version: 1 });
      }
      if (note) {
        const version = Number(body.expectedVersion) + 1;
        try {
          insert.run(note[1], version, JSON.stringify(body));
        } catch {
          return answer(response, 409, { error: 'version conflict' });
        }
        return answer(response, 200, { id: note[1], version });
      }
      answer(response, 404, { error: 'not found' });
    },
    () => answer(response, 400, { error: 'invalid JSON' }),
  );
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send!({ port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('SIGTERM', () => server.close(() => (db.close(), process.exit(0))));
