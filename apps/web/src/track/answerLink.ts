/*
 * The resident's answer to an outcome, as the links in the outcome message carry it
 * (API.md, "Notifications to residents": `/track/:reference?action=confirm|dispute&token=<token>`).
 * The page reads the token once, keeps it in memory and takes it out of the address bar, so it
 * stays out of the history, bookmarks and screenshots. Pure: unit-tested.
 */

export type AnswerAction = 'confirm' | 'dispute';

export interface AnswerLink {
  readonly action: AnswerAction;
  readonly token: string;
}

const ACTIONS: readonly string[] = ['confirm', 'dispute'];
/** Far longer than any token the server signs; a longer one is not worth sending. */
const TOKEN_MAX = 4096;

/** The answer a query string asks for, or null when it asks for none (or carries no usable token). */
export function answerLinkIn(search: string): AnswerLink | null {
  const params = new URLSearchParams(search);
  const action = params.get('action');
  const token = params.get('token')?.trim() ?? '';
  if (action === null || !ACTIONS.includes(action) || token === '' || token.length > TOKEN_MAX) return null;
  return { action: action as AnswerAction, token };
}

/** The query string without the answer's `action` and `token` (`lang` and anything else kept): '' or `?...`. */
export function withoutAnswer(search: string): string {
  const params = new URLSearchParams(search);
  params.delete('action');
  params.delete('token');
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The query string with the answer put back (for a link that must carry it: the other language, the other action). */
export function withAnswer(search: string, link: AnswerLink): string {
  const params = new URLSearchParams(search);
  params.set('action', link.action);
  params.set('token', link.token);
  return `?${params.toString()}`;
}
