import type { PersonalData } from '@app/lifecycle';

/** What reads show in place of each personal value once the resident's key is destroyed. */
export const ERASED = '[erased]';

/**
 * The resident's details as reads show them after erasure: the name and the exact address
 * each "[erased]" (an address shows only where the issue has a location). Whether an email or a
 * phone number was given is not known any more, so neither appears.
 */
export const ERASED_PERSONAL: PersonalData = { raisedBy: { name: ERASED }, address: ERASED };

/** What reads show for an envelope that no longer opens: altered in the database (verify names it). */
export const UNREADABLE = '[unreadable]';
export const UNREADABLE_PERSONAL: PersonalData = { raisedBy: { name: UNREADABLE }, address: UNREADABLE };
