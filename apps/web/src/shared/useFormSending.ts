import { useRef, useState } from 'preact/hooks';
import { ApiError, newIdempotencyKey } from './api';
import { type FieldProblems, type FieldSpec, type FormCheck, serverProblems } from './formFields';
import { type Submission, submissionFor } from './submissionKey';

/*
 * Sending a form once: a check that failed shows its problems and sends nothing; a submission
 * keeps its Idempotency-Key while the same body is sent again (a new one once it changes); a
 * second send while one is in flight is ignored (a double click records once); a 400 puts the
 * server's messages beside the fields they name; any other refusal is said in the page's words.
 * Staff intake and /report share it; the issue page adds its 409 and 422 handling on top of the
 * same submission rule.
 */

export interface FormSending {
  readonly problems: FieldProblems;
  /** Problems that name no field (the network, a 429, a 403). */
  readonly general: readonly string[];
  readonly sending: boolean;
  /** Sends `check`'s body through `post` (given the key), unless it failed or a send is in flight; `onSent` gets the answer. */
  send<T>(check: FormCheck, post: (body: Record<string, unknown>, idempotencyKey: string) => Promise<T>, onSent: (answer: T) => void): Promise<void>;
}

export function useFormSending(fields: readonly FieldSpec[], describeFailure: (error: unknown) => string): FormSending {
  const [problems, setProblems] = useState<FieldProblems>({});
  const [general, setGeneral] = useState<readonly string[]>([]);
  const [sending, setSending] = useState(false);
  const inFlight = useRef(false);
  const submission = useRef<Submission | null>(null);

  async function send<T>(check: FormCheck, post: (body: Record<string, unknown>, idempotencyKey: string) => Promise<T>, onSent: (answer: T) => void): Promise<void> {
    if (inFlight.current) return;
    if (!check.ok) {
      setProblems(check.problems);
      setGeneral([]);
      return;
    }
    submission.current = submissionFor(submission.current, JSON.stringify(check.body), newIdempotencyKey);
    inFlight.current = true;
    setSending(true);
    try {
      const answer = await post(check.body, submission.current.key);
      submission.current = null;
      setProblems({});
      setGeneral([]);
      onSent(answer);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        const message = error.body.message ?? error.message;
        const { byField, rest } = serverProblems(fields, Array.isArray(message) ? message : [message]);
        setProblems(byField);
        setGeneral(rest);
      } else {
        setProblems({});
        setGeneral([describeFailure(error)]);
      }
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  }

  return { problems, general, sending, send };
}
