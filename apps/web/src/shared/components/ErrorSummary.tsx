import { useContext, useEffect, useRef } from 'preact/hooks';
import type { FieldSpec } from '../formFields';
import { fieldId } from './Field';
import { FieldWordsContext } from './fieldWords';

/*
 * The problems of a form, listed at its top and focused when they appear, each a link to its
 * field (the GOV.UK pattern): a keyboard or screen-reader user learns at once what to fix.
 */
interface ErrorSummaryProps {
  readonly idPrefix: string;
  readonly fields: readonly FieldSpec[];
  readonly problems: Readonly<Record<string, string>>;
  /** Problems that belong to no field (a 409, a 422, the network). */
  readonly general?: readonly string[];
  readonly title?: string;
}

export function ErrorSummary({ idPrefix, fields, problems, general = [], title }: ErrorSummaryProps) {
  const words = useContext(FieldWordsContext);
  const box = useRef<HTMLDivElement>(null);
  const named = fields.filter((field) => problems[field.name] !== undefined);
  const any = named.length > 0 || general.length > 0;
  const signature = JSON.stringify([problems, general]);
  useEffect(() => {
    if (any) box.current?.focus();
  }, [signature]);
  if (!any) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={box} aria-labelledby={`${idPrefix}-error-title`}>
      <h2 id={`${idPrefix}-error-title`}>{title ?? words.problemTitle}</h2>
      <ul>
        {general.map((message) => (
          <li key={message}>{message}</li>
        ))}
        {named.map((field) => (
          <li key={field.name}>
            <a
              href={`#${fieldId(idPrefix, field.name)}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(fieldId(idPrefix, field.name))?.focus();
              }}
            >
              {problems[field.name]}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
