import { type AuditSource, InvalidCheckpointError } from '@app/event-store';
import type { AuditKeys } from '../auditKeys';
import type { Violation } from '../verify/violation';
import type { Anchor } from './anchor';
import { isSignedBy } from './anchorSignature';
import { HistoryDigest } from './historyDigest';

const mismatch = (detail: string): Violation => ({ issueId: null, streamId: null, version: null, kind: 'anchor-mismatch', detail });

/**
 * Recomputes the anchor's digest over the events now stored up to its checkpoint (including any
 * slipped in before it) and names what differs: the signature, the event or stream count, the
 * digest. A changed, deleted or inserted event covered by the anchor changes at least one.
 */
export async function checkAnchor(anchor: Anchor, source: AuditSource, keys: AuditKeys, pageSize = 1000): Promise<Violation[]> {
  const violations: Violation[] = [];
  if (anchor.publicKey !== keys.publicKeyPem) {
    violations.push(mismatch(`the anchor names another public key than this server's (fingerprint ${keys.fingerprint}): it was not taken here, or the key was changed`));
  } else if (!isSignedBy(anchor, keys)) {
    violations.push(mismatch("the anchor's signature does not match its contents: the anchor itself was altered"));
  }
  const digest = new HistoryDigest();
  if (anchor.checkpoint !== null) {
    try {
      for (let after: string | null = null; ; ) {
        const page = await source.readAllUpTo({ after, upTo: anchor.checkpoint, limit: pageSize });
        for (const event of page) digest.add(event);
        if (page.length < pageSize) break;
        after = page[page.length - 1].checkpoint;
      }
    } catch (error) {
      if (!(error instanceof InvalidCheckpointError)) throw error;
      return [...violations, mismatch(`the anchor's checkpoint ${JSON.stringify(anchor.checkpoint)} is not one this store writes`)];
    }
  }
  const upTo = `up to checkpoint ${anchor.checkpoint ?? '(empty store)'}`;
  if (digest.events !== anchor.events) {
    const change = digest.events < anchor.events ? `${anchor.events - digest.events} fewer: events were deleted` : `${digest.events - anchor.events} more: events were inserted`;
    violations.push(mismatch(`the store now holds ${digest.events} events ${upTo}, the anchor says ${anchor.events} (${change})`));
  }
  if (digest.streams !== anchor.streams) {
    violations.push(mismatch(`the store now holds ${digest.streams} streams ${upTo}, the anchor says ${anchor.streams}: streams were deleted or added`));
  }
  if (digest.digest() !== anchor.digest) {
    violations.push(mismatch(`the digest of the history ${upTo} differs from the anchor's: events it covers were changed, deleted, inserted or reordered`));
  }
  return violations;
}
