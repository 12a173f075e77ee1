/*
 * Issue references as residents type them and as the tracker's address carries them
 * (`/track/TROW-2026-00042`): read leniently (spaces, small letters), checked against the shape
 * the API allocates (API.md: `<AREA CODE>-<YYYY>-<5-digit sequence>`), so something that cannot
 * be a reference is answered at once, without asking the server. Pure.
 */

/** The shape of a reference, as libs/streams' isReference checks it on the server. */
const REFERENCE = /^[A-Z]{2,8}-\d{4}-\d{5,}$/;

/** What a person typed, as the API spells references: no spaces, capitals. */
export function normaliseReference(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

export function looksLikeReference(text: string): boolean {
  return REFERENCE.test(text);
}

/** The tracker page of a reference. */
export function trackHref(reference: string): string {
  return `/track/${encodeURIComponent(reference)}`;
}

/** The reference a tracker address names (`/track/<reference>`), as typed there; '' when there is none. */
export function referenceInPath(pathname: string): string {
  const match = /^\/track\/([^/]*)\/?$/.exec(pathname);
  if (!match) return '';
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

/** What a reference's check says, in the page's language. */
export interface ReferenceWords {
  readonly empty: string;
  readonly malformed: string;
}

export const ENGLISH_REFERENCE_WORDS: ReferenceWords = {
  empty: 'Enter the reference, like TROW-2026-00042',
  malformed: 'A reference looks like TROW-2026-00042: the area’s letters, the year and a number, with dashes between',
};

/** Why a typed reference cannot be looked up (in words), or null when it can. */
export function referenceProblem(typed: string, say: ReferenceWords = ENGLISH_REFERENCE_WORDS): string | null {
  const reference = normaliseReference(typed);
  if (reference === '') return say.empty;
  if (!looksLikeReference(reference)) return say.malformed;
  return null;
}
