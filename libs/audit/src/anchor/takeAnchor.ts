import type { EventStore } from '@app/event-store';
import type { AuditKeys } from '../auditKeys';
import type { Anchor } from './anchor';
import { signAnchor } from './anchorSignature';
import { HistoryDigest } from './historyDigest';

/** Digests the whole history as readers read it now (page by page), and signs the result. */
export async function takeAnchor(store: Pick<EventStore, 'readAll'>, keys: AuditKeys, now: Date, pageSize = 1000): Promise<Anchor> {
  const digest = new HistoryDigest();
  let checkpoint: string | null = null;
  for (;;) {
    const page = await store.readAll({ after: checkpoint, limit: pageSize });
    for (const event of page.events) digest.add(event);
    checkpoint = page.checkpoint;
    if (page.events.length < pageSize) break;
  }
  return signAnchor(
    { checkpoint, events: digest.events, streams: digest.streams, digest: digest.digest(), takenAt: now.toISOString(), publicKey: keys.publicKeyPem },
    keys,
  );
}
