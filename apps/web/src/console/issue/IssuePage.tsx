import './issue.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, newIdempotencyKey } from '../../shared/api';
import { checkCommandForm, commandFormFields } from '../../shared/commandForms';
import type { CommandName, Issue, TimelineStep } from '../../shared/contract';
import { todayInLondon } from '../../shared/format';
import { type FieldProblems, type FieldValues, serverProblems } from '../../shared/formFields';
import { statusLabel } from '../../shared/labels';
import { useConsole } from '../consoleContext';
import { useLiveEvents } from '../liveFeed';
import { isEscalated, isOverdue } from '../queue/issueMarks';
import { meetingOptionLabel } from '../meetings/meetingWords';
import { useUpcomingMeetings } from '../meetings/upcomingMeetings';
import { hrefOf } from '../route';
import { CommandButtons, commandButtonId } from './CommandButtons';
import { CommandForm } from './CommandForm';
import { Deadlines } from './Deadlines';
import { IssueSummary } from './IssueSummary';
import { offeredCommands } from './offeredCommands';
import { failureWords } from '../failureWords';
import { conflictMessage, notAllowedMessage, recordedMessage } from './outcomeMessages';
import { type Submission, submissionFor } from '../../shared/submissionKey';
import { ResidentMessages } from './ResidentMessages';
import { Timeline } from './Timeline';

/*
 * One issue: everything about it, its deadlines, its timeline, and a button for each step the
 * process allows now that the signed-in role may take. A step's form sends the version the issue
 * had when the page last loaded it, so a change by someone else meanwhile is a 409, which the page
 * explains after reloading. While a form is open, the live feed never moves that version: the page
 * only says the issue has changed and offers to reload.
 */

interface OpenForm {
  readonly command: CommandName;
  readonly values: FieldValues;
  readonly problems: FieldProblems;
  readonly general: readonly string[];
}

type Notice = { readonly tone: 'success' | 'error'; readonly text: string };

/** How long the page waits after a live event before reading again: a burst of events, one read. */
const LIVE_PAUSE_MS = 300;

export function IssuePage({ issueId }: { readonly issueId: string }) {
  const { api, me, areas, live } = useConsole();
  const [issue, setIssue] = useState<Issue | null>(null);
  const [timeline, setTimeline] = useState<readonly TimelineStep[] | null>(null);
  const [timelineProblem, setTimelineProblem] = useState<string | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [form, setForm] = useState<OpenForm | null>(null);
  const [sending, setSending] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [changedMeanwhile, setChangedMeanwhile] = useState(false);
  // The board review form offers the area's meetings from today on (their meetingId), beside the date.
  const upcoming = useUpcomingMeetings(api, issue?.areaId, form?.command === 'board-review');
  const meetings = useMemo(() => (upcoming ?? []).map((meeting) => ({ id: meeting.id, label: meetingOptionLabel(meeting) })), [upcoming]);
  const noticeBox = useRef<HTMLDivElement>(null);
  const inFlight = useRef(false);
  const lastSubmission = useRef<Submission | null>(null);
  /** What the live feed's handler needs of the latest render. */
  const current = useRef({ issue, form });
  current.current = { issue, form };

  /** The issue by the address's id or reference (both are read); steps are sent to its id. */
  const path = `/issues/${encodeURIComponent(issueId)}`;
  const readTimeline = useCallback(async () => {
    try {
      setTimeline(await api.get<TimelineStep[]>(`${path}/timeline`));
      setTimelineProblem(null);
    } catch (error) {
      setTimelineProblem(`The timeline could not be read. ${failureWords(error)}`);
    }
  }, [api, path]);

  /** Reads the issue and its timeline again; answers the issue (null when it could not be read). */
  const reload = useCallback(async (): Promise<Issue | null> => {
    const timelineRead = readTimeline();
    try {
      const fresh = await api.get<Issue>(path);
      setIssue(fresh);
      setLoadProblem(null);
      setChangedMeanwhile(false);
      return fresh;
    } catch (error) {
      setLoadProblem(error instanceof ApiError && error.status === 404 ? `There is no issue ${issueId}.` : `The issue could not be read. ${failureWords(error)}`);
      return null;
    } finally {
      await timelineRead;
    }
  }, [api, path, issueId, readTimeline]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const showNotice = (next: Notice) => {
    setNotice(next);
    // After the render that shows it: the notice takes the focus the closed form had.
    setTimeout(() => noticeBox.current?.focus());
  };

  const livePause = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useLiveEvents(live, (event) => {
    if (event.issueId !== current.current.issue?.id) return;
    clearTimeout(livePause.current);
    livePause.current = setTimeout(() => {
      if (current.current.form === null && !inFlight.current) {
        void reload();
        return;
      }
      // A form is open: its version stays as it is; only say whether the issue has moved on.
      void api.get<Issue>(path).then(
        (fresh) => {
          const { issue: shown, form: open } = current.current;
          if (open !== null && shown !== null && fresh.version > shown.version) setChangedMeanwhile(true);
        },
        // Only a hint: if it cannot be read now, the next event or the Submit's 409 will tell.
        () => undefined,
      );
    }, LIVE_PAUSE_MS);
  });
  useEffect(() => () => clearTimeout(livePause.current), []);

  const offered = issue ? offeredCommands(issue.allowedCommands, me.commands) : [];

  function open(command: CommandName) {
    setNotice(null);
    setForm(form?.command === command ? form : { command, values: {}, problems: {}, general: [] });
  }

  function cancel() {
    const closing = form?.command;
    setForm(null);
    lastSubmission.current = null;
    if (closing) setTimeout(() => document.getElementById(commandButtonId(closing))?.focus());
  }

  /** After a 409 or 422: the issue again, and the form kept (with its text) only if its step is still offered. */
  async function reloadAfterRefusal(command: CommandName, explain: (fresh: Issue) => string, fallback: string) {
    const fresh = await reload();
    const stillOffered = fresh !== null && offeredCommands(fresh.allowedCommands, me.commands).includes(command);
    setForm((kept) => (stillOffered && kept ? { ...kept, problems: {}, general: [] } : null));
    showNotice({ tone: 'error', text: fresh ? explain(fresh) : fallback });
  }

  async function submit() {
    if (!issue || !form || inFlight.current) return;
    const { command } = form;
    const fields = commandFormFields(command, meetings);
    const check = checkCommandForm(command, fields, form.values);
    if (!check.ok) {
      setForm({ ...form, problems: check.problems, general: [] });
      return;
    }
    const body = { ...check.body, expectedVersion: issue.version };
    const submission = submissionFor(lastSubmission.current, JSON.stringify(body), newIdempotencyKey);
    lastSubmission.current = submission;
    inFlight.current = true;
    setSending(true);
    try {
      const next = await api.post<Issue>(`/issues/${encodeURIComponent(issue.id)}/${command}`, body, { idempotencyKey: submission.key });
      lastSubmission.current = null;
      setIssue(next);
      setForm(null);
      setChangedMeanwhile(false);
      showNotice({ tone: 'success', text: recordedMessage(command, next.status) });
      void readTimeline();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        await reloadAfterRefusal(command, (fresh) => conflictMessage(fresh.version, fresh.status), failureWords(error));
      } else if (error instanceof ApiError && error.status === 422) {
        await reloadAfterRefusal(
          command,
          (fresh) => notAllowedMessage(fresh.status, offeredCommands(fresh.allowedCommands, me.commands)),
          notAllowedMessage(error.body.status ?? issue.status, []),
        );
      } else if (error instanceof ApiError && error.status === 400) {
        const messages = Array.isArray(error.body.message) ? error.body.message : [error.message];
        const { byField, rest } = serverProblems(fields, messages);
        setForm({ ...form, problems: byField, general: rest });
      } else {
        setForm({ ...form, problems: {}, general: [failureWords(error, true)] });
      }
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  }

  if (!issue) {
    return (
      <main id="main" tabIndex={-1}>
        <h1>Issue</h1>
        {loadProblem ? (
          <div class="notice notice-error" role="alert">
            <p>{loadProblem}</p>
            <p>
              <a href={hrefOf({ page: 'queue' })}>Back to the work queue</a>
            </p>
          </div>
        ) : (
          <p role="status">Loading the issue…</p>
        )}
      </main>
    );
  }

  const today = todayInLondon();
  return (
    <main id="main" tabIndex={-1} class="issue">
      <p class="issue-back">
        <a href={hrefOf({ page: 'queue' })}>Work queue</a>
      </p>
      <h1>
        {issue.reference}: {issue.title}
      </h1>
      <p class="issue-status">
        Status: <strong id="issue-status">{statusLabel(issue.status)}</strong>
        {isOverdue(issue, today) ? <span class="tag tag-error issue-mark">Overdue</span> : null}
        {isEscalated(issue) ? <span class="tag tag-warning issue-mark">Escalated</span> : null}
      </p>

      <div id="issue-notice" class="issue-notice" tabIndex={-1} ref={noticeBox}>
        <div role="status">{notice?.tone === 'success' ? <p class="notice notice-success">{notice.text}</p> : null}</div>
        {notice?.tone === 'error' ? (
          <div role="alert">
            <p class="notice notice-error">{notice.text}</p>
          </div>
        ) : null}
      </div>
      {loadProblem ? (
        <div class="notice notice-error" role="alert">
          {loadProblem}
        </div>
      ) : null}
      {changedMeanwhile ? (
        <div class="notice notice-warning issue-changed" role="status">
          <p>This issue has just changed. Reload to see it.</p>
          <button type="button" class="button button-secondary" onClick={() => void reload()}>
            Reload
          </button>
        </div>
      ) : null}

      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading">Next steps</h2>
        <CommandButtons offered={offered} open={form?.command ?? null} onOpen={open} />
        {form ? (
          <CommandForm
            command={form.command}
            values={form.values}
            problems={form.problems}
            general={form.general}
            sending={sending}
            onChange={(name, value) => setForm((kept) => (kept ? { ...kept, values: { ...kept.values, [name]: value } } : kept))}
            onSubmit={() => void submit()}
            onCancel={cancel}
            meetings={meetings}
          />
        ) : null}
      </section>

      <section aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <IssueSummary issue={issue} areas={areas} />
      </section>

      <section aria-labelledby="deadlines-heading">
        <h2 id="deadlines-heading">Deadlines</h2>
        <Deadlines deadlines={issue.deadlines} />
      </section>

      <section aria-labelledby="messages-heading">
        <h2 id="messages-heading">Messages to the resident</h2>
        <ResidentMessages issueId={issue.id} version={issue.version} />
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        {timelineProblem ? (
          <div class="notice notice-error" role="alert">
            {timelineProblem}
          </div>
        ) : null}
        {timeline ? <Timeline steps={timeline} /> : timelineProblem ? null : <p>Loading the timeline…</p>}
      </section>
    </main>
  );
}
