import '../resident.css';
import type { ComponentChildren } from 'preact';

/*
 * The frame of the residents' pages (/report and /track/:reference): a skip link, the service's
 * name in a plain header, the page's own <main>, and a footer leading to the other page. Plain
 * on purpose: it must read well on a small phone and with a screen reader.
 */

interface ResidentFrameProps {
  /** The page's <main id="main" tabIndex={-1}>. */
  readonly children: ComponentChildren;
  /** The way to the other page: a "Track an issue" form under the report form, a link to the report form under the tracker. */
  readonly footer: ComponentChildren;
}

export function ResidentFrame({ children, footer }: ResidentFrameProps) {
  return (
    <>
      <header class="resident-header">
        <a class="skip-link" href="#main" onClick={(event) => (event.preventDefault(), document.getElementById('main')?.focus())}>
          Skip to main content
        </a>
        <div class="resident-bar">
          <p class="resident-brand">Issues of concern</p>
          <p class="resident-tagline">Tell your council’s area board about a local problem, and follow what is done</p>
        </div>
      </header>
      {children}
      <footer class="resident-footer">
        <div class="resident-footer-inner">{footer}</div>
      </footer>
    </>
  );
}
