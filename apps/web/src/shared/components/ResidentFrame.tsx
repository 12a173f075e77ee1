import '../resident.css';
import type { ComponentChildren } from 'preact';
import { useWords } from '../i18n/residentWords';
import { LanguageSwitch } from './LanguageSwitch';

/*
 * The frame of the residents' pages (/report and /track/:reference): a skip link, the way to the
 * page in the other language, the service's name in a plain header, the page's own <main>, and a
 * footer leading to the other page. Plain on purpose: it must read well on a small phone and with
 * a screen reader.
 */

interface ResidentFrameProps {
  /** The page's <main id="main" tabIndex={-1}>. */
  readonly children: ComponentChildren;
  /** The way to the other page: a "Track an issue" form under the report form, a link to the report form under the tracker. */
  readonly footer: ComponentChildren;
  /** This page in the other language. */
  readonly switchHref: string;
}

export function ResidentFrame({ children, footer, switchHref }: ResidentFrameProps) {
  const words = useWords();
  return (
    <>
      <header class="resident-header">
        <a class="skip-link" href="#main" onClick={(event) => (event.preventDefault(), document.getElementById('main')?.focus())}>
          {words.frame.skip}
        </a>
        <div class="resident-bar">
          <LanguageSwitch href={switchHref} />
          <p class="resident-brand">{words.frame.service}</p>
          <p class="resident-tagline">{words.frame.tagline}</p>
        </div>
      </header>
      {children}
      <footer class="resident-footer">
        <div class="resident-footer-inner">{footer}</div>
      </footer>
    </>
  );
}
