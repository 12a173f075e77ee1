import '../shared/site.css';
import { render } from 'preact';

/** The report page (to be built). */
function Page() {
  return (
    <main id="main">
      <h1>report</h1>
    </main>
  );
}

render(<Page />, document.getElementById('app')!);
