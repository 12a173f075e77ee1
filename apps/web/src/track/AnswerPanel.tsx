import { useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, apiClient } from '../shared/api';
import { ErrorSummary } from '../shared/components/ErrorSummary';
import { Field } from '../shared/components/Field';
import { checkForm, type FieldSpec, type FormCheck } from '../shared/formFields';
import { useWords } from '../shared/i18n/residentWords';
import type { ResidentWords } from '../shared/i18n/words';
import { useFormSending } from '../shared/useFormSending';
import type { AnswerAction, AnswerLink } from './answerLink';
import { type AnswerOutcome, sendAnswer } from './answerOutcome';

/*
 * The resident's answer to the outcome fed back to them, opened from a link in the outcome
 * message: "Confirm it is resolved", or "Tell us it is not resolved" with what is still wrong,
 * and a link between the two (same token). Sent once (an Idempotency-Key, the button disabled in
 * flight); the answer replaces the form, focused: thanks, or why the link cannot be used. A
 * problem with what was typed (400) is said beside the field; no connection keeps it for another try.
 */

const api = apiClient();
const ID_PREFIX = 'answer';
const HEADING = 'answer-heading';
const REASON_MAX = 2000;

interface AnswerPanelProps {
  readonly reference: string;
  readonly link: AnswerLink;
  /** The tracker's address asking for `action` with the same token (the switch's href, for a new tab). */
  readonly hrefFor: (action: AnswerAction) => string;
  readonly onSwitch: (action: AnswerAction) => void;
  readonly onOutcome: (outcome: AnswerOutcome) => void;
}

function failureWords(say: ResidentWords['answer'], error: unknown): string {
  if (error instanceof ApiError && error.status === 0) return say.failedOffline;
  if (error instanceof ApiError) return say.failedAnswer(error.status, error.message);
  return say.failedAnswer(0, error instanceof Error ? error.message : String(error));
}

export function AnswerPanel({ reference, link, hrefFor, onSwitch, onOutcome }: AnswerPanelProps) {
  const words = useWords();
  const say = words.answer;
  const reasonSpec: FieldSpec = useMemo(() => ({ name: 'reason', kind: 'longText', required: true, max: REASON_MAX, ...say.reason }), [say]);
  const disputing = link.action === 'dispute';
  const fields = disputing ? [reasonSpec] : [];
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<AnswerOutcome | null>(null);
  const sender = useFormSending(fields, (error) => failureWords(say, error));
  const heading = useRef<HTMLHeadingElement>(null);
  const result = useRef<HTMLHeadingElement>(null);

  const send = () => {
    const check: FormCheck = disputing ? checkForm(fields, { reason }, new Date(), words.checks) : { ok: true, body: {} };
    return sender.send(
      check,
      (body, idempotencyKey) => sendAnswer(api, reference, link.action, { token: link.token, ...body }, idempotencyKey),
      (answer) => {
        setOutcome(answer);
        onOutcome(answer);
        requestAnimationFrame(() => result.current?.focus());
      },
    );
  };

  if (outcome !== null) {
    const [title, text, tone] =
      'answered' in outcome
        ? outcome.answered === 'confirm'
          ? [say.confirmedHeading, say.confirmedText, 'success']
          : [say.disputedHeading, say.disputedText, 'success']
        : [say.refusedHeading, say[outcome.refused], 'error'];
    return (
      <section class={`notice notice-${tone} answer-panel`} aria-labelledby={HEADING}>
        <h2 id={HEADING} tabIndex={-1} ref={result}>
          {title}
        </h2>
        <p>{text}</p>
      </section>
    );
  }

  const other: AnswerAction = disputing ? 'confirm' : 'dispute';
  return (
    <section class="answer-panel" aria-labelledby={HEADING}>
      <h2 id={HEADING} tabIndex={-1} ref={heading}>
        {disputing ? say.disputeHeading : say.confirmHeading}
      </h2>
      <form
        noValidate
        aria-labelledby={HEADING}
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <ErrorSummary idPrefix={ID_PREFIX} fields={fields} problems={sender.problems} general={sender.general} />
        <p>{disputing ? say.disputeText : say.confirmText}</p>
        {disputing ? (
          <Field spec={reasonSpec} idPrefix={ID_PREFIX} value={reason} problem={sender.problems.reason} disabled={sender.sending} onChange={(value) => setReason(String(value))} />
        ) : null}
        <div class="button-row">
          <button type="submit" class="button" disabled={sender.sending}>
            {disputing ? say.disputeButton : say.confirmButton}
          </button>
          <p class="answer-sending" role="status">
            {sender.sending ? say.sending : ''}
          </p>
        </div>
      </form>
      <p class="answer-switch">
        <a
          href={hrefFor(other)}
          onClick={(event) => {
            event.preventDefault();
            onSwitch(other);
            requestAnimationFrame(() => heading.current?.focus());
          }}
        >
          {disputing ? say.toConfirm : say.toDispute}
        </a>
      </p>
    </section>
  );
}
