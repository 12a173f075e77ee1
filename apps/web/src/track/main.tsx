import '../shared/site.css';
import './track.css';
import { render } from 'preact';
import { InLanguage } from '../shared/i18n/InLanguage';
import { languageIn } from '../shared/i18n/language';
import { referenceInPath } from '../shared/reference';
import { answerLinkIn, withoutAnswer } from './answerLink';
import { TrackPage } from './TrackPage';

/** GET /track/:reference: the public tracker page of one issue, in English or Welsh (`?lang=cy`). */
const language = languageIn(location.search);
document.documentElement.lang = language;

// An answer link's token is read once and kept in memory: out of the address bar, the history and bookmarks at once.
const answerLink = answerLinkIn(location.search);
if (new URLSearchParams(location.search).has('token') || new URLSearchParams(location.search).has('action')) {
  history.replaceState(null, '', `${location.pathname}${withoutAnswer(location.search)}${location.hash}`);
}

render(
  <InLanguage language={language}>
    <TrackPage typed={referenceInPath(location.pathname)} answerLink={answerLink} />
  </InLanguage>,
  document.getElementById('app')!,
);
