import type { ComponentChildren } from 'preact';
import type { Area, PublicIssue } from '../shared/contract';
import { useWords } from '../shared/i18n/residentWords';
import { categoryIn, datesIn, statusIn } from '../shared/i18n/wordsFor';
import { PublicTimeline } from './PublicTimeline';

/*
 * One issue as anyone may see it: what it is, where it stands, what has happened and, once
 * resolved, what was done, in the page's language. Everything comes from the public tracker (no
 * personal data by contract); the only thing added is the resident's answer panel, when the page
 * was opened from a link in the outcome message, just above the timeline.
 */

interface IssueTrackerProps {
  readonly issue: PublicIssue;
  readonly areas: readonly Area[];
  readonly headingId: string;
  /** The confirm-or-dispute panel, when the page was opened to answer. */
  readonly answer?: ComponentChildren;
}

export function IssueTracker({ issue, areas, headingId, answer }: IssueTrackerProps) {
  const words = useWords();
  const say = words.track;
  const area = areas.find((candidate) => candidate.id === issue.areaId)?.name ?? issue.areaId;
  return (
    <>
      <h1 id={headingId} tabIndex={-1}>
        {issue.title}
      </h1>
      <dl class="summary">
        <dt>{say.reference}</dt>
        <dd>{issue.reference}</dd>
        <dt>{say.status}</dt>
        <dd>
          <strong class="tag">{statusIn(words, issue.status)}</strong>
        </dd>
        <dt>{say.category}</dt>
        <dd>{categoryIn(words, issue.category)}</dd>
        <dt>{say.area}</dt>
        <dd>{area}</dd>
        <dt>{say.logged}</dt>
        <dd>
          <time dateTime={issue.loggedAt}>{datesIn(words).date(issue.loggedAt)}</time>
        </dd>
      </dl>
      {issue.outcome ? (
        <>
          <h2>{say.outcome}</h2>
          <p class="track-outcome">{issue.outcome}</p>
        </>
      ) : null}
      {answer}
      <h2>{say.timeline}</h2>
      <PublicTimeline timeline={issue.timeline} />
    </>
  );
}
