import { useEffect, useState } from 'preact/hooks';
import { ApiError, apiClient } from '../shared/api';
import { ResidentFrame } from '../shared/components/ResidentFrame';
import { TrackForm } from '../shared/components/TrackForm';
import type { Area, PublicIssue } from '../shared/contract';
import { inLanguage } from '../shared/i18n/language';
import { useWords } from '../shared/i18n/residentWords';
import { looksLikeReference, normaliseReference, trackHref } from '../shared/reference';
import { AnswerPanel } from './AnswerPanel';
import { type AnswerAction, type AnswerLink, withAnswer } from './answerLink';
import type { AnswerOutcome } from './answerOutcome';
import { IssueTracker } from './IssueTracker';

/*
 * GET /track/:reference: the public tracker for people, in English or Welsh. Reads GET
 * /public/issues/:reference and the areas' names; something that cannot be a reference is
 * answered without asking the server. The tracker is a projection that may trail a command by a
 * moment, so "not found" offers to look again (a report sent a second ago may not be there yet).
 * Opened from a link in the outcome message, it shows the answer panel above the timeline; the
 * token stays in memory only (main.tsx took it out of the address), and after a dispute the issue
 * is read again until it shows the reopened status.
 */

const api = apiClient();
const HEADING = 'track-heading';
/** How often, and how long apart, the tracker is read again after an answer, waiting for the projection. */
const RELOAD_TRIES = 20;
const RELOAD_GAP_MS = 250;

type Lookup =
  | { readonly state: 'loading' }
  | { readonly state: 'found'; readonly issue: PublicIssue; readonly areas: readonly Area[] }
  | { readonly state: 'notFound' }
  | { readonly state: 'failed'; readonly problem: string };

/** A reference as typed in the address, shortened if it is long. */
const shown = (typed: string) => (Array.from(typed).length > 40 ? `${Array.from(typed).slice(0, 40).join('')}…` : typed);

async function lookUp(reference: string): Promise<Lookup> {
  try {
    const [issue, areas] = await Promise.all([
      api.get<PublicIssue>(`/public/issues/${encodeURIComponent(reference)}`),
      // The area's name is a nicety: without it the page shows the area's id.
      api.get<Area[]>('/areas').catch((): Area[] => []),
    ]);
    return { state: 'found', issue, areas };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { state: 'notFound' };
    return { state: 'failed', problem: error instanceof Error ? error.message : String(error) };
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface TrackPageProps {
  readonly typed: string;
  /** The answer the page was opened to give (from the outcome message's link), if any. */
  readonly answerLink: AnswerLink | null;
}

export function TrackPage({ typed, answerLink }: TrackPageProps) {
  const words = useWords();
  const say = words.track;
  const reference = normaliseReference(typed);
  const wellFormed = looksLikeReference(reference);
  const [lookup, setLookup] = useState<Lookup>(wellFormed ? { state: 'loading' } : { state: 'notFound' });
  const [attempt, setAttempt] = useState(0);
  const [answer, setAnswer] = useState<AnswerLink | null>(answerLink);
  /** Whether the answer's token is spent (answered or refused): links stop carrying it. */
  const [settled, setSettled] = useState(false);

  useEffect(() => {
    if (!wellFormed) return;
    // The address as the API spells the reference (a reference typed in small letters still works).
    if (trackHref(reference) !== location.pathname) history.replaceState(null, '', `${trackHref(reference)}${location.search}`);
    let current = true;
    void lookUp(reference).then((next) => {
      if (!current) return;
      setLookup(next);
      // After "Try again" the button is gone: focus goes to the answer's heading.
      if (attempt > 0) requestAnimationFrame(() => document.getElementById(HEADING)?.focus());
    });
    return () => {
      current = false;
    };
  }, [attempt]);

  useEffect(() => {
    document.title = lookup.state === 'found' ? `${lookup.issue.title} (${lookup.issue.reference}) · ${say.service}` : lookup.state === 'notFound' ? say.notFoundTitle : say.service;
  }, [lookup]);

  /** Reads the issue again until it shows the step the answer made (the tracker is a projection), without leaving the page. */
  const reloadUntilChanged = async (before: PublicIssue) => {
    for (let tries = 0; tries < RELOAD_TRIES; tries += 1) {
      const next = await lookUp(reference);
      const changed = next.state === 'found' && (next.issue.status !== before.status || next.issue.timeline.length !== before.timeline.length);
      if (changed || (tries === RELOAD_TRIES - 1 && next.state === 'found')) {
        setLookup(next);
        return;
      }
      await pause(RELOAD_GAP_MS);
    }
  };

  const onOutcome = (outcome: AnswerOutcome) => {
    setSettled(true);
    if (!('answered' in outcome) || lookup.state !== 'found') return;
    // A dispute reopens the issue: wait for the tracker to show it. A confirmation changes no status: one look is enough.
    if (outcome.answered === 'dispute') void reloadUntilChanged(lookup.issue);
    else void lookUp(reference).then((next) => next.state === 'found' && setLookup(next));
  };

  /** This page's address with `search`, in `language`, carrying the answer while it is still to give. */
  const here = (language: typeof words.language, link: AnswerLink | null) => {
    const search = link && !settled ? withAnswer(location.search, link) : location.search;
    return inLanguage(`${wellFormed ? trackHref(reference) : location.pathname}${search}`, language);
  };

  const tryAgain = (
    <button
      type="button"
      class="button button-secondary"
      onClick={() => {
        setLookup({ state: 'loading' });
        setAttempt((count) => count + 1);
      }}
    >
      {say.tryAgain}
    </button>
  );

  const answerPanel =
    answer !== null ? (
      <AnswerPanel
        reference={reference}
        link={answer}
        hrefFor={(action: AnswerAction) => here(words.language, { ...answer, action })}
        onSwitch={(action) => setAnswer({ ...answer, action })}
        onOutcome={onOutcome}
      />
    ) : null;

  return (
    <ResidentFrame
      switchHref={here(words.switchTo.language, answer)}
      footer={
        <nav aria-label={say.footerNav}>
          <p>
            {say.footerText} <a href={inLanguage('/report', words.language)}>{say.footerLink}</a>
          </p>
        </nav>
      }
    >
      <main id="main" tabIndex={-1} class="narrow track">
        {lookup.state === 'loading' ? (
          <>
            <h1 id={HEADING} tabIndex={-1}>
              {say.heading}
            </h1>
            <p role="status">{say.lookingUp(reference)}</p>
          </>
        ) : null}
        {lookup.state === 'found' ? <IssueTracker issue={lookup.issue} areas={lookup.areas} headingId={HEADING} answer={answerPanel} /> : null}
        {lookup.state === 'notFound' ? (
          <>
            <h1 id={HEADING} tabIndex={-1}>
              {say.notFound(shown(typed))}
            </h1>
            <p>{say.checkReference}</p>
            {wellFormed ? (
              <div class="button-row track-again">
                <p>{say.momentAgo}</p>
                {tryAgain}
              </div>
            ) : null}
          </>
        ) : null}
        {lookup.state === 'failed' ? (
          <>
            <h1 id={HEADING} tabIndex={-1}>
              {say.heading}
            </h1>
            <div class="notice notice-error" role="alert">
              <p>{say.failed(reference, lookup.problem)}</p>
              {tryAgain}
            </div>
          </>
        ) : null}
        {lookup.state !== 'loading' ? (
          <>
            <h2 id="track-another">{say.another}</h2>
            <TrackForm idPrefix="track-another" labelledBy="track-another" />
          </>
        ) : null}
      </main>
    </ResidentFrame>
  );
}
