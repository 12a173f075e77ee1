import { useEffect, useRef } from 'preact/hooks';
import { inLanguage } from '../shared/i18n/language';
import { useWords } from '../shared/i18n/residentWords';
import { trackHref } from '../shared/reference';

/*
 * What replaces the form once the report is logged: the reference the API allocated, and the way
 * to its tracker, in the same language. Focus moves to its heading, so a screen reader reads the
 * reference at once.
 */
export function ReportSent({ reference }: { readonly reference: string }) {
  const words = useWords();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div class="notice notice-success report-sent">
      <h2 tabIndex={-1} ref={heading}>
        {words.sent.heading(reference)}
      </h2>
      <p>{words.sent.keep}</p>
      <p>
        <a href={inLanguage(trackHref(reference), words.language)}>{words.sent.track}</a>
      </p>
      <p>
        <a href={inLanguage('/report', words.language)}>{words.sent.another}</a>
      </p>
    </div>
  );
}
