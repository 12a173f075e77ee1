import '../shared/site.css';
import './report.css';
import { render } from 'preact';
import { InLanguage } from '../shared/i18n/InLanguage';
import { languageIn } from '../shared/i18n/language';
import { ReportPage } from './ReportPage';

/** GET /report: the residents' report form, in English or Welsh (`?lang=cy`). */
const language = languageIn(location.search);
document.documentElement.lang = language;
render(
  <InLanguage language={language}>
    <ReportPage />
  </InLanguage>,
  document.getElementById('app')!,
);
