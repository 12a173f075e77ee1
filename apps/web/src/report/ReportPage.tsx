import { useEffect, useState } from 'preact/hooks';
import { apiClient } from '../shared/api';
import { ResidentFrame } from '../shared/components/ResidentFrame';
import { TrackForm } from '../shared/components/TrackForm';
import type { Area } from '../shared/contract';
import { ReportForm } from './ReportForm';
import { ReportSent } from './ReportSent';

/*
 * GET /report: the public intake form (anonymous, channel online). Reads the categories and
 * areas the form offers (GET /categories, GET /areas: open to anyone), then the form, then the
 * reference. At its foot, a way to track an issue already reported.
 */

const api = apiClient();

type Loaded = { readonly state: 'loading' } | { readonly state: 'failed'; readonly problem: string } | { readonly state: 'ready'; readonly categories: readonly string[]; readonly areas: readonly Area[] };

const TITLE = 'Report an issue · Issues of concern';

export function ReportPage() {
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
    document.title = reference ? `Report sent: ${reference} · Issues of concern` : TITLE;
  }, [reference]);

  return (
    <ResidentFrame
      footer={
        <>
          <h2 id="track-an-issue">Track an issue</h2>
          <p>Reported something already? Follow what is being done with its reference.</p>
          <TrackForm idPrefix="track-an-issue" labelledBy="track-an-issue" />
        </>
      }
    >
      <main id="main" tabIndex={-1} class="narrow report">
        <h1 id="report-heading">Report an issue</h1>
        {reference ? (
          <ReportSent reference={reference} />
        ) : (
          <>
            <p class="report-lead">
              Tell the council about a problem in your area: a broken street light, fly-tipping, a dangerous road. Your report goes to the area board for the place, and you get a
              reference to follow what is done.
            </p>
            {loaded.state === 'loading' ? <p role="status">Loading the form…</p> : null}
            {loaded.state === 'failed' ? (
              <div class="notice notice-error" role="alert">
                <p>The form could not be loaded ({loaded.problem}). Check your connection and try again.</p>
                <button
                  type="button"
                  class="button"
                  onClick={() => {
                    setLoaded({ state: 'loading' });
                    setAttempt((count) => count + 1);
                  }}
                >
                  Try again
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
