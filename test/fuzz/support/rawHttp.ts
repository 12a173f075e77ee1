import { request } from 'node:http';

/** A request exactly as the fuzzer means it: raw path (already percent-encoded as wanted), raw headers and body bytes. */
export interface RawRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[]>>;
  readonly body?: Buffer;
}

export interface RawAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
  /** An open stream (Server-Sent Events) that answered its headers: left after them, not read to the end. */
  readonly streaming: boolean;
}

/** No answer within this time is a hang. */
export const ANSWER_TIMEOUT_MS = 10_000;

/**
 * Sends one request over a real socket, so that bytes supertest would normalise (odd percent
 * escapes, duplicate headers, a body that is not JSON) reach the server as sent. Rejects on a
 * hang; an event stream is left once its headers have come.
 */
export function sendRaw(port: number, raw: RawRequest): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const headers = { ...raw.headers, ...(raw.body && { 'content-length': String(raw.body.length) }), connection: 'close' };
    const outgoing = request({ host: '127.0.0.1', port, method: raw.method, path: raw.path, headers }, (incoming) => {
      const streaming = String(incoming.headers['content-type'] ?? '').startsWith('text/event-stream');
      if (streaming) {
        clearTimeout(timer);
        incoming.destroy();
        outgoing.destroy();
        resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text: '', streaming });
        return;
      }
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        clearTimeout(timer);
        resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text: Buffer.concat(chunks).toString('utf8'), streaming });
      });
      incoming.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    const timer = setTimeout(() => {
      outgoing.destroy();
      reject(new Error(`no answer within ${ANSWER_TIMEOUT_MS} ms (a hang): ${raw.method} ${raw.path}`));
    }, ANSWER_TIMEOUT_MS);
    outgoing.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    outgoing.end(raw.body);
  });
}
