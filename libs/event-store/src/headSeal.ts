import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a stream's head row says about its end. */
export interface SealedFields {
  readonly streamId: string;
  readonly version: number;
  readonly lastHash: string | null;
}

/**
 * HMAC-SHA256 over a stream's head (id, version, last hash) with a secret kept outside the
 * database. A per-stream hash chain cannot tell a stream from one whose last events were deleted
 * with its head row rewritten to match; the seal can, because whoever rewrites the row cannot
 * compute a new seal without the key.
 */
export function sealHead(key: Buffer, head: SealedFields): string {
  return createHmac('sha256', key).update(`${head.streamId}|${head.version}|${head.lastHash ?? ''}`).digest('hex');
}

/** Whether the seal is the one this key gives that head (compared in constant time). */
export function isSealed(key: Buffer, head: SealedFields, seal: string | null): boolean {
  if (seal === null) return false;
  const expected = Buffer.from(sealHead(key, head), 'hex');
  const actual = Buffer.from(seal, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
