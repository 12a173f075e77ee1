import { useEffect, useState } from 'preact/hooks';
import { ApiError, apiClient } from '../shared/api';
import { ResidentFrame } from '../shared/components/ResidentFrame';
import { TrackForm } from '../shared/components/TrackForm';
import type { Area, PublicIssue } from '../shared/contract';
import { looksLikeReference, normaliseReference, trackHref } from '../shared/reference';
import { IssueTracker } from './IssueTracker';

/*
 * GET /track/:reference: the public tracker for people. Reads GET /public/issues/:reference and
 * the areas' names; something that cannot be a reference is answered without asking the server.
 * The tracker is a projection that may trail a command by a moment, so "not found" offers to
 * look again (a report sent a second ago may not be there yet).
 */

const api = apiClient();
const HEADING = 'track-heading';
const SERVICE = 'Track an issue · Issues of concern';

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

export function TrackPage({ typed }: { readonly typed: string }) {
  const reference = normaliseReference(typed);
  const wellFormed = looksLikeReference(reference);
  const [lookup, setLookup] = useState<Lookup>(wellFormed ? { state: 'loading' } : { state: 'notFound' });
  const [attempt, setAttempt] = useState(0);

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
    document.title = lookup.state === 'found' ? `${lookup.issue.title} (${lookup.issue.reference}) · ${SERVICE}` : lookup.state === 'notFound' ? `Issue not found · ${SERVICE}` : SERVICE;
  }, [lookup]);

  const tryAgain = (
    <button
      type="button"
      class="button button-secondary"
      onClick={() => {
        setLookup({ state: 'loading' });
        setAttempt((count) => count + 1);
      }}
    >
      Try again
    </button>
  );

  return (
    <ResidentFrame
      footer={
        <nav aria-label="Residents’ pages">
          <p>
            Something else to tell the council? <a href="/report">Report an issue</a>
          </p>
        </nav>
      }
    >
      <main id="main" tabIndex={-1} class="narrow track">
        {lookup.state === 'loading' ? (
          <>
            <h1 id={HEADING} tabIndex={-1}>
              Track an issue
            </h1>
            <p role="status">Looking up {reference}…</p>
          </>
        ) : null}
        {lookup.state === 'found' ? <IssueTracker issue={lookup.issue} areas={lookup.areas} headingId={HEADING} /> : null}
        {lookup.state === 'notFound' ? (
          <>
            <h1 id={HEADING} tabIndex={-1}>
              We cannot find an issue with the reference {shown(typed)}
            </h1>
            <p>Check the reference: it looks like TROW-2026-00042, and it is in the confirmation you saw when you reported the issue.</p>
            {wellFormed ? (
              <div class="button-row track-again">
                <p>If you reported it a moment ago, it can take a few seconds to appear.</p>
                {tryAgain}
              </div>
            ) : null}
          </>
        ) : null}
        {lookup.state === 'failed' ? (
          <>
            <h1 id={HEADING} tabIndex={-1}>
              Track an issue
            </h1>
            <div class="notice notice-error" role="alert">
              <p>The issue {reference} could not be read just now ({lookup.problem}). Check your connection and try again.</p>
              {tryAgain}
            </div>
          </>
        ) : null}
        {lookup.state !== 'loading' ? (
          <>
            <h2 id="track-another">Track another issue</h2>
            <TrackForm idPrefix="track-another" labelledBy="track-another" />
          </>
        ) : null}
      </main>
    </ResidentFrame>
  );
}
