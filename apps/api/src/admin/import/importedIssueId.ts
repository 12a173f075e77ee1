import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * The id of an imported issue, derived from its line's content (RFC 8785 canonical JSON, so key
 * order and white space do not matter): importing the same line again names the same issue,
 * which is how a second import of a file knows to skip it. A UUID of version 8 (RFC 9562:
 * custom), built from the first 128 bits of the content's SHA-256.
 */
export function importedIssueId(content: object): string {
  const bytes = createHash('sha256').update(canonicalize(content) ?? '').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
