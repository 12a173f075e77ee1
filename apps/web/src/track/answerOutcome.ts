import { ApiError, type ApiClient } from '../shared/api';
import type { IssueStatus } from '../shared/contract';
import type { AnswerAction } from './answerLink';

/*
 * Sending the resident's answer (POST /public/issues/:reference/confirm `{ token }`, or
 * .../dispute `{ token, reason }`) and what came of it. A refusal that ends the matter (the link
 * forged, expired or used: 403; the issue no longer waiting for an answer: 422; gone: 404) is an
 * outcome the page shows in place of the form; anything else (a 400, the network) is thrown, for
 * the form to say beside its field or in its summary, keeping what was typed.
 */

export type Refusal = 'used' | 'expired' | 'refused' | 'notWaiting';

export type AnswerOutcome = { readonly answered: AnswerAction; readonly status: IssueStatus } | { readonly refused: Refusal };

/** Which refusal a 403's message names: the server says whether the link was used, expired or no longer applies. */
export function refusalOf(status: number, message: string): Refusal {
  // The issue moved on since the message (reopened by staff, or a newer message sent): nothing to answer now.
  if (status === 422 || (status === 403 && /no longer applies/i.test(message))) return 'notWaiting';
  if (status === 403 && /\bused\b|already/i.test(message)) return 'used';
  if (status === 403 && /expir/i.test(message)) return 'expired';
  return 'refused';
}

export async function sendAnswer(api: ApiClient, reference: string, action: AnswerAction, body: Record<string, unknown>, idempotencyKey: string): Promise<AnswerOutcome> {
  try {
    const answer = await api.post<{ reference: string; status: IssueStatus }>(`/public/issues/${encodeURIComponent(reference)}/${action}`, body, { idempotencyKey });
    return { answered: action, status: answer.status };
  } catch (error) {
    if (error instanceof ApiError && [403, 404, 422].includes(error.status)) return { refused: refusalOf(error.status, error.message) };
    throw error;
  }
}
