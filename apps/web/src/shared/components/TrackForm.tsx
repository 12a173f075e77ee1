import { useMemo, useState } from 'preact/hooks';
import type { FieldSpec } from '../formFields';
import { inLanguage } from '../i18n/language';
import { useWords } from '../i18n/residentWords';
import { normaliseReference, referenceProblem, trackHref } from '../reference';
import { ErrorSummary } from './ErrorSummary';
import { Field } from './Field';

/*
 * "Track an issue": one field, the reference, checked for its shape before going to its tracker
 * page (/track/<reference>, in the page's language), so a mistyped reference is named beside the
 * field at once. Used under the tracker and at the foot of the report form.
 */

interface TrackFormProps {
  /** Unique within the page. */
  readonly idPrefix: string;
  /** The id of the heading that names the form. */
  readonly labelledBy: string;
}

export function TrackForm({ idPrefix, labelledBy }: TrackFormProps) {
  const words = useWords();
  const field: FieldSpec = useMemo(() => ({ name: 'reference', kind: 'text', required: true, max: 40, ...words.trackForm.field }), [words]);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const problems = problem ? { [field.name]: problem } : {};
  return (
    <form
      class="track-form"
      aria-labelledby={labelledBy}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const found = referenceProblem(typed, words.trackForm.problems);
        setProblem(found);
        if (found === null) location.assign(inLanguage(trackHref(normaliseReference(typed)), words.language));
      }}
    >
      <ErrorSummary idPrefix={idPrefix} fields={[field]} problems={problems} />
      <Field spec={field} idPrefix={idPrefix} value={typed} problem={problem ?? undefined} onChange={(value) => setTyped(String(value))} />
      <button type="submit" class="button">
        {words.trackForm.button}
      </button>
    </form>
  );
}
