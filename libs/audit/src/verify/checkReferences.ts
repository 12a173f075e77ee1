import type { AuditSource } from '@app/event-store';
import { issueIdOf, REFERENCE_KEY } from '@app/streams';
import type { Violation } from './violation';

// Mirrors the API's ReferenceNumbers: sequence `reference:<CODE>:<YYYY>` hands out `<CODE>-<YYYY>-<NNNNN>`.
const SEQUENCE_PREFIX = 'reference:';
const SEQUENCE_NAME = /^reference:([A-Z]{2,8}):(\d{4})$/;
const REFERENCE = /^([A-Z]{2,8})-(\d{4})-(\d+)$/;

const referenceOf = (code: string, year: string, n: number) => `${code}-${year}-${String(n).padStart(5, '0')}`;

/**
 * Whole issues deleted (events and head row): a per-stream check cannot see a stream that is not
 * there, but its reference can. Each reference key must still name a stream, and the per-area,
 * per-year reference numbers are handed out consecutively, so a number nobody holds is an issue
 * that is gone. Memory: one byte per reference number handed out, never the streams themselves.
 */
export async function checkReferences(source: AuditSource, pageSize: number): Promise<Violation[]> {
  const violations: Violation[] = [];
  const sequences = new Map<string, Uint8Array>();
  for (const { name, value } of await source.readSequences(SEQUENCE_PREFIX)) {
    const match = SEQUENCE_NAME.exec(name);
    if (match && value > 0) sequences.set(`${match[1]}-${match[2]}`, new Uint8Array(value + 1));
  }
  let after: string | null = null;
  for (;;) {
    const page = await source.readUniqueKeys({ scope: REFERENCE_KEY, after, limit: pageSize });
    if (page.length === 0) break;
    for (const { key, streamId, streamExists } of page) {
      if (!streamExists) {
        violations.push({
          issueId: issueIdOf(streamId),
          streamId,
          version: null,
          kind: 'version-gap',
          detail: `issue ${key} is missing: its reference is still taken, but its events and head row are gone`,
        });
      }
      const match = REFERENCE.exec(key);
      const seen = match && sequences.get(`${match[1]}-${match[2]}`);
      const n = match ? Number(match[3]) : 0;
      if (seen && n < seen.length) seen[n] = 1;
    }
    after = page[page.length - 1].key;
  }
  for (const [prefix, seen] of sequences) {
    const [code, year] = prefix.split('-');
    for (let n = 1; n < seen.length; n++) {
      if (seen[n]) continue;
      let to = n;
      while (to + 1 < seen.length && !seen[to + 1]) to++;
      const range = to === n ? `reference ${referenceOf(code, year, n)} was` : `references ${referenceOf(code, year, n)} to ${referenceOf(code, year, to)} were`;
      violations.push({
        issueId: null,
        streamId: null,
        version: null,
        kind: 'version-gap',
        detail: `${range} handed out but no issue holds ${to === n ? 'it' : 'them'}: a whole issue was deleted with its reference (or an intake failed between allocating the number and storing the issue)`,
      });
      n = to;
    }
  }
  return violations;
}
