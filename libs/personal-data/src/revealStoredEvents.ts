import type { PersonalKeyStore, StoredEvent } from '@app/event-store';
import { type IssuePersonalData, isPlainPersonalData } from '@app/lifecycle';
import { ERASED_PERSONAL } from './erased';
import { PersonalDataVault } from './personalDataVault';

/** Which of these streams hold a PersonalDataErased event (for v1 issues, whose plaintext has no key). */
export type ErasedStreams = (streamIds: readonly string[]) => Promise<Set<string>>;

interface LoggedData {
  readonly personal?: IssuePersonalData;
}

/**
 * Stored events as people may see them: each IssueLogged's personal data revealed, or
 * "[erased]". A sealed one is erased when its key is gone; a plaintext (v1) one when its stream
 * records an erasure, in this batch or (asked of `erasedStreams`) later on. One key lookup per
 * batch. Hashes are left as stored: they cover the sealed form, which verify checks.
 */
export async function revealStoredEvents(vault: PersonalDataVault, events: readonly StoredEvent[], erasedStreams: ErasedStreams): Promise<StoredEvent[]> {
  const logged = events.filter((event) => event.type === 'IssueLogged' && (event.data as LoggedData | null)?.personal);
  if (logged.length === 0) return [...events];
  const erasedHere = new Set(events.filter((event) => event.type === 'PersonalDataErased').map((event) => event.streamId));
  const plainStreams = logged.filter((event) => isPlainPersonalData((event.data as LoggedData).personal) && !erasedHere.has(event.streamId)).map((event) => event.streamId);
  const erasedLater = plainStreams.length > 0 ? await erasedStreams(plainStreams) : new Set<string>();
  const revealed = await vault.revealAll(logged.map((event) => (event.data as LoggedData).personal!));
  const byEvent = new Map(logged.map((event, index) => [event, revealed[index]]));
  return events.map((event) => {
    const personal = byEvent.get(event);
    if (!personal) return event;
    const erased = isPlainPersonalData((event.data as LoggedData).personal) && (erasedHere.has(event.streamId) || erasedLater.has(event.streamId));
    return { ...event, data: { ...(event.data as object), personal: erased ? ERASED_PERSONAL : personal } };
  });
}

/** ErasedStreams by reading each stream: only v1 issues ask, and there are few. */
export function erasedStreamsIn(store: { readStream(streamId: string): Promise<StoredEvent[]> }): ErasedStreams {
  return async (streamIds) => {
    const erased = new Set<string>();
    for (const streamId of new Set(streamIds)) {
      if ((await store.readStream(streamId)).some((event) => event.type === 'PersonalDataErased')) erased.add(streamId);
    }
    return erased;
  };
}

/**
 * A reveal over a store's own keys, for callers outside Nest (the CLI's replay and export):
 * `lookupSecret` is AuditKeys.deriveSecret(SUBJECT_LOOKUP_PURPOSE), as the API derives it.
 */
export function revealerOver(
  store: PersonalKeyStore & { readStream(streamId: string): Promise<StoredEvent[]> },
  lookupSecret: Buffer,
): (events: readonly StoredEvent[]) => Promise<StoredEvent[]> {
  const vault = new PersonalDataVault(store, lookupSecret);
  const erasedStreams = erasedStreamsIn(store);
  return (events) => revealStoredEvents(vault, events, erasedStreams);
}
