import type { Area, PublicIssue } from '../shared/contract';
import { formatDate } from '../shared/format';
import { categoryLabel, statusLabel } from '../shared/labels';
import { PublicTimeline } from './PublicTimeline';

/*
 * One issue as anyone may see it: what it is, where it stands, what has happened and, once
 * resolved, what was done. Everything comes from the public tracker (no personal data by
 * contract); nothing else is added here.
 */

interface IssueTrackerProps {
  readonly issue: PublicIssue;
  readonly areas: readonly Area[];
  readonly headingId: string;
}

export function IssueTracker({ issue, areas, headingId }: IssueTrackerProps) {
  const area = areas.find((candidate) => candidate.id === issue.areaId)?.name ?? issue.areaId;
  return (
    <>
      <h1 id={headingId} tabIndex={-1}>
        {issue.title}
      </h1>
      <dl class="summary">
        <dt>Reference</dt>
        <dd>{issue.reference}</dd>
        <dt>Status</dt>
        <dd>
          <strong class="tag">{statusLabel(issue.status)}</strong>
        </dd>
        <dt>Category</dt>
        <dd>{categoryLabel(issue.category)}</dd>
        <dt>Area</dt>
        <dd>{area}</dd>
        <dt>Logged</dt>
        <dd>
          <time dateTime={issue.loggedAt}>{formatDate(issue.loggedAt)}</time>
        </dd>
      </dl>
      {issue.outcome ? (
        <>
          <h2>What was done</h2>
          <p class="track-outcome">{issue.outcome}</p>
        </>
      ) : null}
      <h2>What has happened</h2>
      <PublicTimeline timeline={issue.timeline} />
    </>
  );
}
