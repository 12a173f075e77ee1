/**
 * The answer a command gave, kept under its Idempotency-Key (as the store's opaque outcome) and
 * replayed to a retry: the HTTP status and the view, unrendered (its personal data sealed).
 */
export interface StoredAnswer {
  readonly status: number;
  readonly body: unknown;
}

export function storedAnswer(status: number, body: unknown): StoredAnswer {
  return { status, body };
}

/** The outcome a completed claim gave back, checked: a store holds only what record() kept. */
export function readStoredAnswer(outcome: unknown): StoredAnswer {
  const answer = outcome as Partial<StoredAnswer> | null;
  if (!answer || typeof answer !== 'object' || typeof answer.status !== 'number' || !('body' in answer)) {
    throw new Error('the answer kept under this Idempotency-Key is not one this API stored');
  }
  return { status: answer.status, body: answer.body };
}
