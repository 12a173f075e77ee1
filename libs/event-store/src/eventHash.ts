import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export interface HashedFields {
  readonly prevHash: string | null;
  readonly streamId: string;
  readonly version: number;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly recordedAt: string;
}

/**
 * SHA-256 over the event's fields in RFC 8785 canonical JSON, chained to the previous event's
 * hash: changing, removing or reordering any stored event breaks every hash after it.
 * `occurredAt` is part of the metadata, so it is covered too.
 */
export function hashEvent(fields: HashedFields): string {
  const { prevHash, streamId, version, type, data, metadata, recordedAt } = fields;
  const canonical = canonicalize({ prevHash, streamId, version, type, data, metadata, recordedAt });
  return createHash('sha256').update(canonical as string).digest('hex');
}
