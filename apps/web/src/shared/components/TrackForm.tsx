import { useState } from 'preact/hooks';
import type { FieldSpec } from '../formFields';
import { normaliseReference, referenceProblem, trackHref } from '../reference';
import { ErrorSummary } from './ErrorSummary';
import { Field } from './Field';

/*
 * "Track an issue": one field, the reference, checked for its shape before going to its tracker
 * page (/track/<reference>), so a mistyped reference is named beside the field at once. Used
 * under the tracker and at the foot of the report form.
 */

const REFERENCE_FIELD: FieldSpec = {
  name: 'reference',
  label: 'Reference',
  kind: 'text',
  required: true,
  max: 40,
  hint: 'It is in the confirmation you saw when you reported the issue, for example TROW-2026-00042.',
};

interface TrackFormProps {
  /** Unique within the page. */
  readonly idPrefix: string;
  /** The id of the heading that names the form. */
  readonly labelledBy: string;
}

export function TrackForm({ idPrefix, labelledBy }: TrackFormProps) {
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const problems = problem ? { [REFERENCE_FIELD.name]: problem } : {};
  return (
    <form
      class="track-form"
      aria-labelledby={labelledBy}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const found = referenceProblem(typed);
        setProblem(found);
        if (found === null) location.assign(trackHref(normaliseReference(typed)));
      }}
    >
      <ErrorSummary idPrefix={idPrefix} fields={[REFERENCE_FIELD]} problems={problems} />
      <Field spec={REFERENCE_FIELD} idPrefix={idPrefix} value={typed} problem={problem ?? undefined} onChange={(value) => setTyped(String(value))} />
      <button type="submit" class="button">
        Track
      </button>
    </form>
  );
}
