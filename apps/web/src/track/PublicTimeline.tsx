import type { PublicIssue } from '../shared/contract';
import { useWords } from '../shared/i18n/residentWords';
import { datesIn, statusIn } from '../shared/i18n/wordsFor';

/*
 * An issue's public steps, oldest first: each status it reached and each note the council made
 * public, with its date, in the page's language. Only what GET /public/issues/:reference gives:
 * never who did it.
 */
export function PublicTimeline({ timeline }: { readonly timeline: PublicIssue['timeline'] }) {
  const words = useWords();
  const dates = datesIn(words);
  return (
    <ol class="track-timeline">
      {timeline.map((step, index) => (
        <li key={index}>
          <p class="track-step">
            <strong>{statusIn(words, step.status)}</strong> <time dateTime={step.at}>{dates.dateTime(step.at)}</time>
          </p>
          {step.note ? (
            <p class="track-note">
              <span class="visually-hidden">{words.track.note}</span>
              {step.note}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
