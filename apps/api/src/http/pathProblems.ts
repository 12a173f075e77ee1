import { isStorableText } from './inputProblems';

/**
 * What is wrong with a request path as sent (still percent-encoded), or null. Checked before
 * routing, so every route answers alike: a segment that does not decode as UTF-8 (`%FF`, or an
 * encoded surrogate `%ED%A0%80`) or that decodes to NUL (`/issues/%00`) is a 400, never a 500
 * from a store asked to look it up, and never a 404 on one route and a 400 on another.
 */
export function pathProblem(rawPath: string): string | null {
  for (const segment of rawPath.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return 'the path must be percent-encoded UTF-8';
    }
    if (!isStorableText(decoded)) return 'the path must not contain NUL characters (%00)';
  }
  return null;
}
