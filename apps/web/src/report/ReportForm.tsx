import { useMemo, useState } from 'preact/hooks';
import { ApiError, apiClient } from '../shared/api';
import { ErrorSummary } from '../shared/components/ErrorSummary';
import { Field } from '../shared/components/Field';
import type { Area, Issue } from '../shared/contract';
import type { FieldSpec, FieldValues } from '../shared/formFields';
import { useWords } from '../shared/i18n/residentWords';
import type { ResidentWords } from '../shared/i18n/words';
import { useFormSending } from '../shared/useFormSending';
import { ADDRESS, checkReport, issueFields, reportFields, residentFields } from './reportFields';
import { type SharedPoint, WhereIsIt } from './WhereIsIt';

/*
 * The report form itself: checked before sending, sent once (an Idempotency-Key made when a
 * submission starts, kept while the same report is sent again, the button disabled in flight,
 * so a double click logs one issue), anonymously, as the online channel. A refusal keeps what
 * was typed and says what to do: each field's problem beside it, too many reports, no connection.
 * Everything it says is in the page's language, and the report carries that language.
 */

export const ID_PREFIX = 'report';

const api = apiClient();

interface ReportFormProps {
  readonly categories: readonly string[];
  readonly areas: readonly Area[];
  readonly onSent: (reference: string) => void;
}

/** A refusal that names no field, in words for the resident. */
function failureWords(words: ResidentWords['report'], error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return words.failedOffline;
    if (error.status === 429) return words.failedTooMany;
    return words.failedAnswer(error.status, error.message);
  }
  return words.failedOther(error instanceof Error ? error.message : String(error));
}

export function ReportForm({ categories, areas, onSent }: ReportFormProps) {
  const words = useWords();
  const issueSpecs = useMemo(() => issueFields(categories, areas, words), [categories, areas, words]);
  const residentSpecs = useMemo(() => residentFields(words), [words]);
  const fields = useMemo(() => reportFields(categories, areas, words), [categories, areas, words]);
  const [values, setValues] = useState<FieldValues>({});
  const [shared, setShared] = useState<SharedPoint | null>(null);
  const sender = useFormSending(fields, (error) => failureWords(words.report, error));
  const { problems, general } = sender;

  const send = () =>
    sender.send(
      checkReport(fields, values, shared?.point ?? null, new Date(), words),
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
          <h2>{words.report.detailsHeading}</h2>
        </legend>
        <p class="hint">{words.report.detailsHint}</p>
        {residentSpecs.map(field)}
      </fieldset>
      <div class="button-row">
        <button type="submit" class="button" disabled={sender.sending}>
          {words.report.send}
        </button>
        <p class="report-sending" role="status">
          {sender.sending ? words.report.sending : ''}
        </p>
      </div>
    </form>
  );
}
