import './tasks.css';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PrintLetter, ResidentNotification } from '../../shared/contract';
import { formatCount } from '../../shared/format';
import { useConsole } from '../consoleContext';
import { failureWords } from '../failureWords';
import { useLiveEvents } from '../liveFeed';
import { hrefOf } from '../route';
import { messageKind } from './notificationWords';

/*
 * Tasks: what residents without email are owed by hand, in the signed-in user's areas (the server
 * picks them). Letters to print: each opens as a PDF (read with the token, shown from a blob: URL,
 * since a plain link would carry no token), then "Mark as posted". Calls to make: each issue's
 * page has the resident's number; "Mark as called" once done. Both answer the notification
 * (POST /notifications/:id/done), and the lists are read again.
 */

type Done = { readonly tone: 'success' | 'error'; readonly text: string };

export function TasksPage() {
  const { api, live } = useConsole();
  const [letters, setLetters] = useState<readonly PrintLetter[] | null>(null);
  const [calls, setCalls] = useState<readonly ResidentNotification[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<Done | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  /** A letter's blob: URL once opened, by letter id (a fallback link if the new tab was blocked). */
  const [opened, setOpened] = useState<Readonly<Record<string, string>>>({});
  const urls = useRef<string[]>([]);
  useEffect(() => () => urls.current.forEach((url) => URL.revokeObjectURL(url)), []);

  const read = useCallback(async () => {
    try {
      const [pendingLetters, pendingCalls] = await Promise.all([
        api.get<PrintLetter[]>('/letters', { status: 'pending' }),
        api.get<ResidentNotification[]>('/notifications', { channel: 'phone', status: 'pending' }),
      ]);
      setLetters(pendingLetters);
      setCalls(pendingCalls);
      setProblem(null);
    } catch (error) {
      setProblem(`The tasks could not be read. ${failureWords(error)}`);
    }
  }, [api]);
  useEffect(() => void read(), [read]);

  // A new issue or step may owe a letter or a call: read again after a burst of events.
  const livePause = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useLiveEvents(live, () => {
    clearTimeout(livePause.current);
    livePause.current = setTimeout(() => void read(), 1_000);
  });
  useEffect(() => () => clearTimeout(livePause.current), []);

  async function openLetter(letter: PrintLetter) {
    setBusy(`open-${letter.id}`);
    try {
      const pdf = await api.file(`/letters/${encodeURIComponent(letter.id)}.pdf`);
      const url = URL.createObjectURL(pdf.type === 'application/pdf' ? pdf : new Blob([pdf], { type: 'application/pdf' }));
      urls.current.push(url);
      setOpened((known) => ({ ...known, [letter.id]: url }));
      window.open(url, '_blank', 'noopener');
    } catch (error) {
      setNotice({ tone: 'error', text: `The letter for ${letter.reference} could not be opened. ${failureWords(error)}` });
    } finally {
      setBusy(null);
    }
  }

  async function markDone(notificationId: string, reference: string, what: 'posted' | 'called') {
    setBusy(`done-${notificationId}`);
    try {
      await api.post(`/notifications/${encodeURIComponent(notificationId)}/done`, undefined);
      setNotice({ tone: 'success', text: what === 'posted' ? `Marked as posted: the letter for ${reference}.` : `Marked as called: ${reference}.` });
      await read();
    } catch (error) {
      setNotice({ tone: 'error', text: `${reference} could not be marked as ${what}. ${failureWords(error)}` });
    } finally {
      setBusy(null);
    }
  }

  return (
    <main id="main" tabIndex={-1} class="tasks">
      <h1>Tasks</h1>
      <div role="status">{notice?.tone === 'success' ? <p class="notice notice-success">{notice.text}</p> : null}</div>
      <div role="alert">{notice?.tone === 'error' ? <p class="notice notice-error">{notice.text}</p> : null}</div>
      {problem ? (
        <div class="notice notice-error" role="alert">
          {problem}
        </div>
      ) : null}

      <section aria-labelledby="letters-heading">
        <h2 id="letters-heading">Letters to print{letters ? ` (${formatCount(letters.length)})` : ''}</h2>
        {letters === null ? (
          problem ? null : <p>Loading the letters…</p>
        ) : letters.length === 0 ? (
          <p id="letters-none">No letters to print.</p>
        ) : (
          <ul class="task-list" id="letters">
            {letters.map((letter) => (
              <li key={letter.id} class="task" data-letter={letter.id}>
                <p class="task-what">
                  <a href={hrefOf({ page: 'issue', issueId: letter.issueId })}>{letter.reference}</a>
                </p>
                <div class="button-row">
                  <button type="button" class="button button-secondary" disabled={busy !== null} onClick={() => void openLetter(letter)}>
                    Open the letter for {letter.reference} (PDF)
                  </button>
                  <button type="button" class="button" disabled={busy !== null} onClick={() => void markDone(letter.notificationId, letter.reference, 'posted')}>
                    Mark as posted
                  </button>
                </div>
                {opened[letter.id] ? (
                  <p class="task-opened">
                    Opened in a new tab. If it did not open,{' '}
                    <a href={opened[letter.id]} target="_blank" rel="noopener" class="letter-link">
                      open the letter for {letter.reference}
                    </a>
                    .
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="calls-heading">
        <h2 id="calls-heading">Calls to make{calls ? ` (${formatCount(calls.length)})` : ''}</h2>
        {calls === null ? (
          problem ? null : <p>Loading the calls…</p>
        ) : calls.length === 0 ? (
          <p id="calls-none">No calls to make.</p>
        ) : (
          <ul class="task-list" id="calls">
            {calls.map((call) => (
              <li key={call.id} class="task" data-call={call.id}>
                <p class="task-what">
                  {call.issueId ? <a href={hrefOf({ page: 'issue', issueId: call.issueId })}>{call.reference ?? call.issueId}</a> : call.reference} — {messageKind(call.event)}
                </p>
                <p class="hint">Call the resident and tell them: their number is on the issue's page.
                </p>
                <button type="button" class="button" disabled={busy !== null} onClick={() => void markDone(call.id, call.reference ?? call.id, 'called')}>
                  Mark as called
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
