import { PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { Request } from 'express';

export const NDJSON = 'application/x-ndjson';

/**
 * The body of an import request as text, read here rather than by a global body parser: only
 * after the access guard has let an admin in, and with its own limit (IMPORT_BODY_LIMIT), so a
 * 10,000-issue file fits while every other route keeps Express's small JSON limit.
 */
export async function readNdjsonBody(request: Request, limitBytes: number): Promise<string> {
  if (!request.is(NDJSON)) {
    throw new UnsupportedMediaTypeException(`send the file as Content-Type: ${NDJSON} (JSON Lines), not ${request.headers['content-type'] ?? 'no content type'}`);
  }
  const charset = /charset=([^;]+)/i.exec(request.headers['content-type'] ?? '')?.[1]?.trim().replace(/"/g, '').toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new UnsupportedMediaTypeException(`JSON Lines must be UTF-8, not ${charset}`);
  }
  const tooLarge = () => new PayloadTooLargeException(`the import file exceeds IMPORT_BODY_LIMIT (${limitBytes} bytes): split it, or raise the limit`);
  if (Number(request.headers['content-length'] ?? 0) > limitBytes) throw tooLarge();

  const chunks: Buffer[] = [];
  let received = 0;
  // What is left unread when this throws is discarded by Node once the answer is sent.
  for await (const chunk of request as AsyncIterable<Buffer>) {
    received += chunk.length;
    if (received > limitBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
