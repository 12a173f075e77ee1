import type { StoredEvent } from '@app/event-store';

/**
 * Turns the sealed personal data inside stored events back into what the resident gave (or
 * "[erased]" once their key is destroyed). Takes a whole batch, so that a page of an export or an
 * issue's history needs one key lookup, not one per event. Every reader that shows event data
 * to people (history, state at an instant, export, replay) passes its events through one.
 */
export type RevealPersonalData = (events: readonly StoredEvent[]) => Promise<StoredEvent[]>;

/** For stores that seal nothing: the events as stored. The personal-data capability replaces it. */
export const revealNothing: RevealPersonalData = async (events) => [...events];
