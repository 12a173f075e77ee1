import { createHash, timingSafeEqual } from 'node:crypto';
import type { Open311Key } from '../config/open311Keys';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * The API keys of OPEN311_KEYS_FILE (read and checked with the other settings). Keys are compared by their SHA-256 digests in constant
 * time, so neither a key's characters nor its length can be learned from response times.
 */
export class Open311Keys {
  private readonly keys: ReadonlyArray<{ digest: Buffer; client: string }>;

  constructor(keys: readonly Open311Key[]) {
    this.keys = keys.map(({ key, client }) => ({ digest: digest(key), client }));
  }

  /** Whether any client may post at all (no file: posting refused). */
  get configured(): boolean {
    return this.keys.length > 0;
  }

  /** The client holding this key, or undefined for a missing or unknown key. */
  clientOf(key: unknown): string | undefined {
    if (typeof key !== 'string' || key === '') return undefined;
    const given = digest(key);
    let client: string | undefined;
    // Every key is compared, whichever matches: the time taken says nothing about which.
    for (const known of this.keys) if (timingSafeEqual(known.digest, given)) client ??= known.client;
    return client;
  }
}
