import type { PublicIssue } from '../shared/contract';
import { formatDateTime } from '../shared/format';
import { statusLabel } from '../shared/labels';

/*
 * An issue's public steps, oldest first: each status it reached and each note the council made
 * public, with its date. Only what GET /public/issues/:reference gives: never who did it.
 */
export function PublicTimeline({ timeline }: { readonly timeline: PublicIssue['timeline'] }) {
  return (
    <ol class="track-timeline">
      {timeline.map((step, index) => (
        <li key={index}>
          <p class="track-step">
            <strong>{statusLabel(step.status)}</strong> <time dateTime={step.at}>{formatDateTime(step.at)}</time>
          </p>
          {step.note ? (
            <p class="track-note">
              <span class="visually-hidden">Note: </span>
              {step.note}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
