import { useMemo, useState } from 'preact/hooks';
import { ApiError, apiClient } from '../shared/api';
import { ErrorSummary } from '../shared/components/ErrorSummary';
import { Field } from '../shared/components/Field';
import type { Area, Issue } from '../shared/contract';
import type { FieldSpec, FieldValues } from '../shared/formFields';
import { useFormSending } from '../shared/useFormSending';
import { ADDRESS, checkReport, issueFields, RESIDENT_FIELDS, reportFields } from './reportFields';
import { type SharedPoint, WhereIsIt } from './WhereIsIt';

/*
 * The report form itself: checked before sending, sent once (an Idempotency-Key made when a
 * submission starts, kept while the same report is sent again, the button disabled in flight,
 * so a double click logs one issue), anonymously, as the online channel. A refusal keeps what
 * was typed and says what to do: each field's problem beside it, too many reports, no connection.
 */

export const ID_PREFIX = 'report';

const api = apiClient();

interface ReportFormProps {
  readonly categories: readonly string[];
  readonly areas: readonly Area[];
  readonly onSent: (reference: string) => void;
}

/** A refusal that names no field, in words for the resident. */
function failureWords(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return 'Your report could not be sent: this device could not reach the council’s server. Check your connection and send it again; what you typed is kept.';
    if (error.status === 429) return 'Too many reports from this connection in the last minute. Please wait a minute and send it again.';
    return `Your report could not be sent (the server answered ${error.status}: ${error.message}). Please try again later; what you typed is kept.`;
  }
  return `Your report could not be sent (${error instanceof Error ? error.message : String(error)}). Please try again later.`;
}

export function ReportForm({ categories, areas, onSent }: ReportFormProps) {
  const issueSpecs = useMemo(() => issueFields(categories, areas), [categories, areas]);
  const fields = useMemo(() => reportFields(categories, areas), [categories, areas]);
  const [values, setValues] = useState<FieldValues>({});
  const [shared, setShared] = useState<SharedPoint | null>(null);
  const sender = useFormSending(fields, failureWords);
  const { problems, general } = sender;

  const send = () =>
    sender.send(
      checkReport(fields, values, shared?.point ?? null, new Date()),
      (body, idempotencyKey) => api.post<Issue>('/issues', body, { idempotencyKey }),
      (issue) => onSent(issue.reference),
    );

  const field = (spec: FieldSpec) => (
    <Field
      key={spec.name}
      spec={spec}
      idPrefix={ID_PREFIX}
      value={values[spec.name]}
      problem={problems[spec.name]}
      disabled={sender.sending}
      onChange={(value) => setValues((current) => ({ ...current, [spec.name]: value }))}
    />
  );

  return (
    <form
      class="report-form"
      aria-labelledby="report-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <ErrorSummary idPrefix={ID_PREFIX} fields={fields} problems={problems} general={general} />
      {issueSpecs.map(field)}
      <WhereIsIt
        idPrefix={ID_PREFIX}
        address={typeof values[ADDRESS] === 'string' ? values[ADDRESS] : ''}
        addressProblem={problems[ADDRESS]}
        onAddress={(address) => setValues((current) => ({ ...current, [ADDRESS]: address }))}
        shared={shared}
        onShared={setShared}
        disabled={sender.sending}
      />
      <fieldset class="report-group">
        <legend>
          <h2>Your details</h2>
        </legend>
        <p class="hint">
          The council uses these only to tell you what happens and to ask you about the issue if it needs to. They are never shown publicly: the tracker shows the issue, not who reported it.
        </p>
        {RESIDENT_FIELDS.map(field)}
      </fieldset>
      <div class="button-row">
        <button type="submit" class="button" disabled={sender.sending}>
          Send report
        </button>
        <p class="report-sending" role="status">
          {sender.sending ? 'Sending your report…' : ''}
        </p>
      </div>
    </form>
  );
}
