import { useLayoutEffect, useRef } from 'preact/hooks';
import type { CommandName } from '../../shared/contract';
import { commandFormFields, type MeetingChoice } from '../../shared/commandForms';
import { ErrorSummary } from '../../shared/components/ErrorSummary';
import { Field } from '../../shared/components/Field';
import { fieldAsFilled, type FieldProblems, type FieldValues } from '../../shared/formFields';
import { COMMAND_LABELS } from '../../shared/labels';

/*
 * A command's form: headed by the command's name (focus goes there when it opens), exactly that
 * command's fields, problems beside their fields and summarised at the top, Submit (disabled while
 * the step is being recorded) and Cancel.
 */
interface CommandFormProps {
  readonly command: CommandName;
  readonly values: FieldValues;
  readonly problems: FieldProblems;
  /** Problems that belong to no field. */
  readonly general: readonly string[];
  readonly sending: boolean;
  readonly onChange: (name: string, value: string | boolean) => void;
  readonly onSubmit: () => void;
  readonly onCancel: () => void;
  /** The area's upcoming meetings, which the board review form offers beside its date. */
  readonly meetings?: readonly MeetingChoice[];
}

export function CommandForm({ command, values, problems, general, sending, onChange, onSubmit, onCancel, meetings }: CommandFormProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  // At once, not after the next paint: a tab in the background paints late.
  useLayoutEffect(() => heading.current?.focus(), [command]);
  // As filled so far: a reason becomes required (and labelled so) once the answer is No.
  const fields = commandFormFields(command, meetings).map((spec) => fieldAsFilled(spec, values));
  const idPrefix = `command-${command}-form`;
  return (
    <form
      id="command-form"
      class="command-form"
      aria-labelledby="command-form-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <h3 id="command-form-heading" tabIndex={-1} ref={heading}>
        {COMMAND_LABELS[command]}
      </h3>
      <ErrorSummary idPrefix={idPrefix} fields={fields} problems={problems} general={general} />
      {fields.length === 0 ? <p>This step takes no details: submit to record it.</p> : null}
      {fields.map((spec) => (
        <Field key={spec.name} spec={spec} idPrefix={idPrefix} value={values[spec.name]} problem={problems[spec.name]} disabled={sending} onChange={(value) => onChange(spec.name, value)} />
      ))}
      <div class="button-row">
        <button type="submit" class="button" disabled={sending} aria-describedby={sending ? 'command-sending' : undefined}>
          Submit
        </button>
        <button type="button" class="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
        {sending ? (
          <p id="command-sending" class="command-sending">
            Recording…
          </p>
        ) : null}
      </div>
    </form>
  );
}
