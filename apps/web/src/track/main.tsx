import '../shared/site.css';
import './track.css';
import { render } from 'preact';
import { referenceInPath } from '../shared/reference';
import { TrackPage } from './TrackPage';

/** GET /track/:reference: the public tracker page of one issue. */
render(<TrackPage typed={referenceInPath(location.pathname)} />, document.getElementById('app')!);
