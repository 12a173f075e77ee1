import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError } from '../../shared/api';
import type { Issue } from '../../shared/contract';
import { localDateTimeToIso } from '../../shared/formFields';
import { formatDate } from '../../shared/format';
import { categoryLabel, channelLabel, statusLabel } from '../../shared/labels';
import { areaName, useConsole } from '../consoleContext';
import { failureWords } from '../failureWords';
import { formatInstant } from './auditWords';

/*
 * The issue as the system knew it at a chosen instant (GET /issues/:id/state?at=, by when events
 * were recorded): status, version and the main fields. The instant is typed to the second,
 * since the steps an auditor asks about may be seconds apart.
 */

type IssueState = Issue & { readonly asOf: string };

type Answer = { readonly kind: 'state'; readonly state: IssueState } | { readonly kind: 'notYet'; readonly at: string } | { readonly kind: 'failed'; readonly words: string };

const FIELD = 'state-at';

export function StateAt({ issueId }: { readonly issueId: string }) {
  const { api } = useConsole();
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [busy, setBusy] = useState(false);

  const ask = async () => {
    const at = localDateTimeToIso(value.trim());
    if (at === null) {
      setProblem(value.trim() === '' ? 'Enter a date and time' : 'State at must be a date and time');
      setAnswer(null);
      document.getElementById(FIELD)?.focus();
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      setAnswer({ kind: 'state', state: await api.get<IssueState>(`/issues/${encodeURIComponent(issueId)}/state`, { at }) });
    } catch (error) {
      setAnswer(error instanceof ApiError && error.status === 404 ? { kind: 'notYet', at } : { kind: 'failed', words: failureWords(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="state-heading">
      <h2 id="state-heading">State at an instant</h2>
      <form
        class="state-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void ask();
        }}
      >
        <div class={`field${problem ? ' has-error' : ''}`}>
          <label for={FIELD}>State at</label>
          <p id={`${FIELD}-hint`} class="hint">
            A date and time, to the second (UK time). Shows the issue as the system knew it then, going by when each event was recorded.
          </p>
          {problem ? (
            <p id={`${FIELD}-error`} class="field-error">
              <span class="visually-hidden">Error: </span>
              {problem}
            </p>
          ) : null}
          <input
            id={FIELD}
            type="datetime-local"
            step={1}
            value={value}
            required
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${FIELD}-hint ${FIELD}-error` : `${FIELD}-hint`}
            onInput={(event) => setValue((event.currentTarget as HTMLInputElement).value)}
          />
        </div>
        <div class="button-row">
          <button type="submit" class="button" disabled={busy}>
            Show the state
          </button>
        </div>
      </form>
      <div role="status" class="state-answer">
        {answer?.kind === 'state' ? <StateSummary state={answer.state} /> : null}
        {answer?.kind === 'notYet' ? <p class="notice notice-warning">The issue did not exist yet at that time ({formatInstant(answer.at)}).</p> : null}
        {answer?.kind === 'failed' ? <p class="notice notice-error">The state could not be read. {answer.words}</p> : null}
      </div>
    </section>
  );
}

function StateSummary({ state }: { readonly state: IssueState }) {
  const { areas } = useConsole();
  const rows: [string, string][] = [
    ['As of', formatInstant(state.asOf)],
    ['Status', statusLabel(state.status)],
    ['Version', String(state.version)],
    ['Reference', state.reference],
    ['Title', state.title],
    ['Category', categoryLabel(state.category)],
    ['Area', areaName(areas, state.areaId)],
    ['Channel', channelLabel(state.channel)],
    ['Logged at', formatInstant(state.loggedAt)],
    ['Updated at', formatInstant(state.updatedAt)],
    ['Service provider', state.serviceProvider ?? '—'],
    ['Officer', state.officer ?? '—'],
    ['Due by', formatDate(state.dueBy)],
    ['Outcome', state.outcome ?? '—'],
    ['Resolved at', formatInstant(state.resolvedAt)],
    ['Fed back at', formatInstant(state.fedBackAt)],
  ];
  return (
    <dl class="summary state-summary">
      {rows.map(([term, detail]) => (
        <Fragment key={term}>
          <dt>{term}</dt>
          <dd>{detail}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
