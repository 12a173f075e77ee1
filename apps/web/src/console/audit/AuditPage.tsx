import './audit.css';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError } from '../../shared/api';
import type { IssueHistory, VerifyReport } from '../../shared/contract';
import { useConsole } from '../consoleContext';
import { failureWords } from '../failureWords';
import { FindIssue } from './FindIssue';
import { violationsByVersion } from './hashChain';
import { HistoryTable } from './HistoryTable';
import { StateAt } from './StateAt';
import { VerifyPanel } from './VerifyPanel';

/*
 * The auditor's view (auditors and admins): find an issue by reference or id, read its stored
 * history with the hash chain, ask what the system knew of it at an instant, and run verify,
 * whose violations of this issue are marked in its history (read again with each verify, so the
 * marked rows show the events as stored then). Verify runs without an issue too.
 */

type Loaded = { readonly kind: 'loading' } | { readonly kind: 'history'; readonly history: IssueHistory } | { readonly kind: 'failed'; readonly words: string };

interface AuditPageProps {
  readonly lookup: string | null;
  /** The last verify's result: kept by the console while the auditor moves from issue to issue. */
  readonly report: VerifyReport | null;
  readonly onReport: (report: VerifyReport) => void;
}

export function AuditPage({ lookup, report, onReport }: AuditPageProps) {
  const { api } = useConsole();
  const [loaded, setLoaded] = useState<Loaded | null>(lookup ? { kind: 'loading' } : null);

  // Read again with each verify, so the rows it marks are the events as stored now.
  useEffect(() => {
    if (!lookup) return;
    api.get<IssueHistory>(`/issues/${encodeURIComponent(lookup)}/history`).then(
      (history) => setLoaded({ kind: 'history', history }),
      (error: unknown) =>
        setLoaded({ kind: 'failed', words: error instanceof ApiError && error.status === 404 ? `No issue has the reference or id “${lookup}”.` : `The history could not be read. ${failureWords(error)}` }),
    );
  }, [api, lookup, report]);

  const history = loaded?.kind === 'history' ? loaded.history : null;
  const violations = useMemo(() => violationsByVersion(report, history?.id ?? ''), [report, history]);
  const title = history ? `Audit of ${history.reference ?? history.id}` : 'Audit';

  return (
    <main id="main" tabIndex={-1} class="audit">
      <h1>{title}</h1>
      <FindIssue lookup={lookup} />
      {loaded?.kind === 'loading' ? <p role="status">Reading the history…</p> : null}
      {loaded?.kind === 'failed' ? (
        <p class="notice notice-error" role="alert">
          {loaded.words}
        </p>
      ) : null}
      <VerifyPanel report={report} onReport={onReport} issueId={history?.id ?? null} />
      {history ? (
        <>
          <section aria-labelledby="history-heading">
            <h2 id="history-heading">History</h2>
            <dl class="summary">
              <dt>Reference</dt>
              <dd>{history.reference ?? 'none: the stream has lost its first event'}</dd>
              <dt>Id</dt>
              <dd>
                <code>{history.id}</code>
              </dd>
            </dl>
            <HistoryTable events={history.events} violations={violations} />
          </section>
          <StateAt issueId={history.id} />
        </>
      ) : null}
    </main>
  );
}
