import '../shared/site.css';
import './report.css';
import { render } from 'preact';
import { ReportPage } from './ReportPage';

/** GET /report: the residents' report form. */
render(<ReportPage />, document.getElementById('app')!);
