import { useEffect, useState } from 'preact/hooks';
import { apiClient } from '../shared/api';
import { ResidentFrame } from '../shared/components/ResidentFrame';
import { TrackForm } from '../shared/components/TrackForm';
import type { Area } from '../shared/contract';
import { inLanguage } from '../shared/i18n/language';
import { useWords } from '../shared/i18n/residentWords';
import { ReportForm } from './ReportForm';
import { ReportSent } from './ReportSent';

/*
 * GET /report: the public intake form (anonymous, channel online). Reads the categories and
 * areas the form offers (GET /categories, GET /areas: open to anyone), then the form, then the
 * reference. At its foot, a way to track an issue already reported. In English or Welsh (`?lang=cy`).
 */

const api = apiClient();

type Loaded = { readonly state: 'loading' } | { readonly state: 'failed'; readonly problem: string } | { readonly state: 'ready'; readonly categories: readonly string[]; readonly areas: readonly Area[] };

export function ReportPage() {
  const words = useWords();
  const say = words.report;
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [reference, setReference] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([api.get<string[]>('/categories'), api.get<Area[]>('/areas')]).then(
      ([categories, areas]) => setLoaded({ state: 'ready', categories, areas }),
      (error: unknown) => setLoaded({ state: 'failed', problem: error instanceof Error ? error.message : String(error) }),
    );
  }, [attempt]);

  useEffect(() => {
    document.title = reference ? say.sentTitle(reference) : say.title;
  }, [reference]);

  return (
    <ResidentFrame
      switchHref={inLanguage(`/report${location.search}`, words.switchTo.language)}
      footer={
        <>
          <h2 id="track-an-issue">{say.trackHeading}</h2>
          <p>{say.trackLead}</p>
          <TrackForm idPrefix="track-an-issue" labelledBy="track-an-issue" />
        </>
      }
    >
      <main id="main" tabIndex={-1} class="narrow report">
        <h1 id="report-heading">{say.heading}</h1>
        {reference ? (
          <ReportSent reference={reference} />
        ) : (
          <>
            <p class="report-lead">{say.lead}</p>
            {loaded.state === 'loading' ? <p role="status">{say.loading}</p> : null}
            {loaded.state === 'failed' ? (
              <div class="notice notice-error" role="alert">
                <p>{say.loadFailed(loaded.problem)}</p>
                <button
                  type="button"
                  class="button"
                  onClick={() => {
                    setLoaded({ state: 'loading' });
                    setAttempt((count) => count + 1);
                  }}
                >
                  {say.tryAgain}
                </button>
              </div>
            ) : null}
            {loaded.state === 'ready' ? <ReportForm categories={loaded.categories} areas={loaded.areas} onSent={setReference} /> : null}
          </>
        )}
      </main>
    </ResidentFrame>
  );
}
