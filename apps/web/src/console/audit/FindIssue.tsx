import { useState } from 'preact/hooks';
import { navigate } from '../route';

/*
 * "Find an issue": by its reference (TROW-2026-00042) or its id, as the history and state
 * routes take either. Finding opens `#/audit/<reference or id>`, so the view can be bookmarked.
 */

const FIELD = 'find-issue';

export function FindIssue({ lookup }: { readonly lookup: string | null }) {
  const [value, setValue] = useState(lookup ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      class="find-issue"
      role="search"
      aria-label="Find an issue"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const wanted = value.trim();
        if (wanted === '') {
          setProblem('Enter a reference or an id');
          document.getElementById(FIELD)?.focus();
          return;
        }
        setProblem(null);
        navigate({ page: 'audit', lookup: /^[a-z]{2,8}-\d{4}-\d{5,}$/i.test(wanted) ? wanted.toUpperCase() : wanted });
      }}
    >
      <div class={`field${problem ? ' has-error' : ''}`}>
        <label for={FIELD}>Find an issue</label>
        <p id={`${FIELD}-hint`} class="hint">
          Its reference, like TROW-2026-00042, or its id.
        </p>
        {problem ? (
          <p id={`${FIELD}-error`} class="field-error">
            <span class="visually-hidden">Error: </span>
            {problem}
          </p>
        ) : null}
        <div class="find-issue-row">
          <input
            id={FIELD}
            type="text"
            value={value}
            spellcheck={false}
            autocomplete="off"
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${FIELD}-hint ${FIELD}-error` : `${FIELD}-hint`}
            onInput={(event) => setValue((event.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit" class="button">
            Find
          </button>
        </div>
      </div>
    </form>
  );
}
