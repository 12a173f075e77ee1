import { useEffect, useRef } from 'preact/hooks';
import { trackHref } from '../shared/reference';

/*
 * What replaces the form once the report is logged: the reference the API allocated, and the way
 * to its tracker. Focus moves to its heading, so a screen reader reads the reference at once.
 */
export function ReportSent({ reference }: { readonly reference: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div class="notice notice-success report-sent">
      <h2 tabIndex={-1} ref={heading}>
        Thank you. Your reference is {reference}
      </h2>
      <p>Keep this reference: with it you can follow what the council does about your issue.</p>
      <p>
        <a href={trackHref(reference)}>Track your issue</a>
      </p>
      <p>
        <a href="/report">Report another issue</a>
      </p>
    </div>
  );
}
