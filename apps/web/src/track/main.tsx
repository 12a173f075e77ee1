import '../shared/site.css';
import { render } from 'preact';

/** The track page (to be built). */
function Page() {
  return (
    <main id="main">
      <h1>track</h1>
    </main>
  );
}

render(<Page />, document.getElementById('app')!);
