import { useContext } from 'preact/hooks';
import { type FieldSpec, NO, YES } from '../formFields';
import { FieldWordsContext } from './fieldWords';

/*
 * One labelled form field, built from its spec. The label names the field; a hint and an error
 * are tied to it by aria-describedby, the error marked aria-invalid, so a screen reader reads
 * the problem with the field (WCAG 3.3.1, 1.3.1). Ids come from the form's own prefix.
 */

interface FieldProps {
  readonly spec: FieldSpec;
  /** Unique within the page: the form's prefix. */
  readonly idPrefix: string;
  readonly value: string | boolean | undefined;
  readonly problem?: string;
  readonly onChange: (value: string | boolean) => void;
  readonly disabled?: boolean;
}

export const fieldId = (idPrefix: string, name: string) => `${idPrefix}-${name.replace(/\./g, '-')}`;

export function Field({ spec, idPrefix, value, problem, onChange, disabled }: FieldProps) {
  const words = useContext(FieldWordsContext);
  const id = fieldId(idPrefix, spec.name);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [spec.hint ? hintId : null, problem ? errorId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: spec.name,
    disabled,
    'aria-describedby': describedBy,
    'aria-invalid': problem ? true : undefined,
    required: spec.required || undefined,
  };
  const text = typeof value === 'string' ? value : '';
  const labelText = spec.required || spec.kind === 'boolean' ? spec.label : words.optional(spec.label);
  const hint = spec.hint ? (
    <p id={hintId} class="hint">
      {spec.hint}
    </p>
  ) : null;
  const error = problem ? (
    <p id={errorId} class="field-error">
      <span class="visually-hidden">{words.errorPrefix}</span>
      {problem}
    </p>
  ) : null;

  if (spec.kind === 'boolean') {
    return (
      <div class={`field field-checkbox${problem ? ' has-error' : ''}`}>
        <input {...common} type="checkbox" checked={value === true} onChange={(event) => onChange((event.currentTarget as HTMLInputElement).checked)} />
        <label for={id}>{labelText}</label>
        {hint}
        {error}
      </div>
    );
  }

  if (spec.kind === 'yesNo') {
    // A question with two answers: radio buttons in a fieldset, the question its legend. The first
    // button carries the field's id, so the error summary's link lands on the group.
    const options = spec.options ?? [
      { value: YES, label: 'Yes' },
      { value: NO, label: 'No' },
    ];
    return (
      <fieldset class={`field field-yes-no${problem ? ' has-error' : ''}`} aria-describedby={describedBy}>
        <legend>{labelText}</legend>
        {hint}
        {error}
        <div class="yes-no-options">
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${option.value}`;
            return (
              <div key={option.value} class="yes-no-option">
                <input
                  id={optionId}
                  type="radio"
                  name={`${idPrefix}-${spec.name}`}
                  value={option.value}
                  checked={text === option.value}
                  disabled={disabled}
                  required={spec.required || undefined}
                  aria-invalid={problem ? true : undefined}
                  onChange={() => onChange(option.value)}
                />
                <label for={optionId}>{option.label}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    );
  }

  let control;
  const onInput = (event: Event) => onChange((event.currentTarget as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value);
  switch (spec.kind) {
    case 'longText':
    case 'list':
      control = <textarea {...common} rows={spec.kind === 'list' ? 4 : 5} autocomplete={spec.autocomplete} value={text} onInput={onInput} />;
      break;
    case 'choice':
      control = (
        <select {...common} value={text} onChange={onInput}>
          <option value="">{words.choose}</option>
          {spec.options?.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      );
      break;
    case 'date':
      control = <input {...common} type="date" value={text} onInput={onInput} />;
      break;
    case 'dateTime':
      control = <input {...common} type="datetime-local" value={text} onInput={onInput} />;
      break;
    case 'email':
      control = <input {...common} type="email" autocomplete="email" value={text} onInput={onInput} />;
      break;
    default:
      control = <input {...common} type={spec.autocomplete === 'tel' ? 'tel' : 'text'} autocomplete={spec.autocomplete} value={text} onInput={onInput} />;
  }
  return (
    <div class={`field${problem ? ' has-error' : ''}`}>
      <label for={id}>{labelText}</label>
      {hint}
      {error}
      {control}
    </div>
  );
}
