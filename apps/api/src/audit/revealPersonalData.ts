import type { Provider } from '@nestjs/common';
import { type RevealPersonalData, revealNothing } from '@app/audit';

export type { RevealPersonalData } from '@app/audit';

/**
 * Injection token of the function that reveals the personal data sealed inside stored events (or
 * shows "[erased]"). History, state at an instant and export pass every batch they serve
 * through it, so that none of them has to know how personal data is kept.
 */
export const REVEAL_PERSONAL_DATA = Symbol('RevealPersonalData');

/** Until personal data is sealed, events are shown as stored; the personal-data capability provides its own. */
export const revealNothingProvider: Provider<RevealPersonalData> = { provide: REVEAL_PERSONAL_DATA, useValue: revealNothing };
