/*
 * The Idempotency-Key of a submission: made when it starts, kept for retries of the same body
 * (the server then answers the first result again and records nothing twice), a new one as
 * soon as the body changes (the same key with another body is refused). Pure.
 */

export interface Submission {
  /** The body as sent, in JSON. */
  readonly body: string;
  readonly key: string;
}

/** The submission for `body`: the previous one's key when the body is the same, else a fresh key. */
export function submissionFor(previous: Submission | null, body: string, freshKey: () => string): Submission {
  return previous !== null && previous.body === body ? previous : { body, key: freshKey() };
}
