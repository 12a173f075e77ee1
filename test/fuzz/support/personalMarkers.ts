import fc from 'fast-check';

/**
 * Personal data the fuzzer sends (a resident's name, email, address) carries a marker that
 * nothing else in the system produces, so one search of the captured logs finds any of it.
 */
export const personalMarker: fc.Arbitrary<string> = fc.integer({ min: 0, max: 0xffffffff }).map((n) => `Rsdnt${n.toString(16).padStart(8, '0')}`);

/** Any marked name, email or address, in any case (emails are lower-cased on the way in). */
export const PERSONAL_MARKER = /rsdnt[0-9a-f]{8}/i;
