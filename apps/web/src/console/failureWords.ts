import { ApiError } from '../shared/api';

/*
 * What any console page says when a read or a step fails (API.md, "Errors"), in plain words;
 * the issue page adds its own words for 409 and 422 (issue/outcomeMessages.ts). Pure.
 */

/** Any other failure of a read or a step, in words; `typed` when the user's typing is kept for a retry. */
export function failureWords(error: unknown, typed = false): string {
  if (!(error instanceof ApiError)) return `Something went wrong in this page: ${error instanceof Error ? error.message : String(error)}`;
  switch (error.status) {
    case 0:
      return `The server could not be reached: check the connection and try again.${typed ? ' What you typed is kept.' : ''}`;
    case 401:
      return 'Your sign-in has expired: sign in again.';
    case 403:
      return `You may not do this: ${error.message}.`;
    case 404:
      return `Not found: ${error.message}.`;
    case 429:
      return 'Too many requests just now: wait a minute, then try again.';
    default:
      return `The server answered ${error.status}: ${error.message}.`;
  }
}
