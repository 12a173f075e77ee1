import type { TimelineStep } from '../../shared/contract';
import { formatDateTime } from '../../shared/format';
import { statusLabel } from '../../shared/labels';
import { actorWords, inOrder } from './timelineWords';

/*
 * Who did what, when: every step of the issue, oldest first. Each says in words whether the
 * resident sees it (Public) or only staff do (Internal); internal steps are also set apart by
 * their border and shading, so the difference never rests on colour alone.
 */
export function Timeline({ steps }: { readonly steps: readonly TimelineStep[] }) {
  if (steps.length === 0) return <p>Nothing has happened to this issue yet.</p>;
  return (
    <ol class="timeline" id="issue-timeline">
      {inOrder(steps).map((step) => (
        <li key={step.version} class={`timeline-step ${step.public ? 'timeline-public' : 'timeline-internal'}`} data-version={step.version}>
          <p class="timeline-head">
            <span class={`tag ${step.public ? 'tag-success' : 'tag-warning'}`}>{step.public ? 'Public' : 'Internal'}</span>{' '}
            <time dateTime={step.at}>{formatDateTime(step.at)}</time> · <span class="timeline-actor">{actorWords(step.actor)}</span>
          </p>
          <p class="timeline-summary">
            {step.summary} <span class="timeline-status">(status: {statusLabel(step.status)})</span>
          </p>
          {step.note ? <p class="timeline-note">{step.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
