import { useState } from 'preact/hooks';
import type { VerifyReport } from '../../shared/contract';
import { useConsole } from '../consoleContext';
import { failureWords } from '../failureWords';
import { hrefOf } from '../route';
import { verifySummary, violationLabel } from './auditWords';

/*
 * Verify (GET /audit/verify): every stream replayed through the lifecycle machine and its hash
 * chain checked, on the server. The result in one line, announced politely; each violation
 * listed with its kind and detail, those of the issue on screen said to be so (the history table
 * marks their rows), the others linked to their own issue's history.
 */

interface VerifyPanelProps {
  readonly report: VerifyReport | null;
  readonly onReport: (report: VerifyReport) => void;
  /** The issue whose history is shown, if any. */
  readonly issueId: string | null;
}

export function VerifyPanel({ report, onReport, issueId }: VerifyPanelProps) {
  const { api } = useConsole();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const verify = async () => {
    setBusy(true);
    setProblem(null);
    try {
      onReport(await api.get<VerifyReport>('/audit/verify'));
    } catch (error) {
      setProblem(`Verify could not run. ${failureWords(error)}`);
    } finally {
      setBusy(false);
    }
  };

  const mine = report && issueId ? report.violations.filter((violation) => violation.issueId === issueId).length : 0;
  return (
    <section aria-labelledby="verify-heading">
      <h2 id="verify-heading">Verify</h2>
      <p>Checks every issue's hash chain and replays every event through the lifecycle, across the whole store.</p>
      <div class="button-row">
        <button type="button" class="button" disabled={busy} onClick={() => void verify()}>
          {report ? 'Verify again' : 'Verify the store'}
        </button>
      </div>
      <div role="status" class="verify-status">
        {busy ? <p>Verifying…</p> : null}
        {!busy && report ? (
          <p class={`notice ${report.ok && report.violations.length === 0 ? 'notice-success' : 'notice-error'}`}>
            <strong>{verifySummary(report)}</strong>
            {mine > 0 ? ` (${mine} in this issue: marked in its history below)` : null}
          </p>
        ) : null}
        {problem ? <p class="notice notice-error">{problem}</p> : null}
      </div>
      {!busy && report && report.violations.length > 0 ? (
        <div class="table-wrap" role="region" aria-labelledby="violations-caption" tabIndex={0}>
          <table class="violations-table">
            <caption id="violations-caption">Violations found</caption>
            <thead>
              <tr>
                <th scope="col">Issue</th>
                <th scope="col">Version</th>
                <th scope="col">Kind</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {report.violations.map((violation, index) => (
                <tr key={index} class={violation.issueId === issueId ? 'history-flagged' : undefined}>
                  <td>
                    {!violation.issueId ? (
                      'the whole store'
                    ) : violation.issueId === issueId ? (
                      'This issue'
                    ) : (
                      <a href={hrefOf({ page: 'audit', lookup: violation.issueId })}>{violation.issueId}</a>
                    )}
                  </td>
                  <td>{violation.version}</td>
                  <td>
                    <span class="tag tag-error">{violationLabel(violation.kind)}</span>
                  </td>
                  <td>{violation.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
