import { useEffect, useState } from 'preact/hooks';
import { roleLabel } from '../shared/labels';
import { areaName, useConsole } from './consoleContext';
import type { LiveState } from './liveFeed';
import { hrefOf, type Route } from './route';

/** Who is signed in (name, role, areas), the console's sections for that role, the live feed's state. */
export function ConsoleHeader({ route }: { readonly route: Route }) {
  const { me, areas, live, signOut } = useConsole();
  const [liveState, setLiveState] = useState<LiveState>(live.state);
  useEffect(() => {
    // The feed may have opened between the first render and this subscription.
    setLiveState(live.state);
    return live.onState(setLiveState);
  }, [live]);
  const areaNames = me.areas.includes('*') || me.role === 'admin' ? 'all areas' : me.areas.map((id) => areaName(areas, id)).join(', ');
  const sections: { route: Route; label: string; shown: boolean }[] = [
    { route: { page: 'queue' }, label: 'Work queue', shown: me.role !== 'auditor' },
    { route: { page: 'intake' }, label: 'New issue', shown: me.role !== 'auditor' && me.role !== 'viewer' },
    { route: { page: 'meetings' }, label: 'Meetings', shown: me.role !== 'auditor' },
    // Letters to print and calls to make: staff who serve residents.
    { route: { page: 'tasks' }, label: 'Tasks', shown: me.role !== 'auditor' && me.role !== 'viewer' },
    { route: { page: 'audit', lookup: null }, label: 'Audit', shown: me.role === 'auditor' || me.role === 'admin' },
  ];
  return (
    <header class="console-header">
      <a class="skip-link" href="#main" onClick={(event) => (event.preventDefault(), document.getElementById('main')?.focus())}>
        Skip to content
      </a>
      <div class="console-bar">
        <p class="brand">Issues of concern · staff console</p>
        <p class="who" aria-label="Signed in as">
          <strong>{me.name}</strong> · {roleLabel(me.role)} · {areaNames}
        </p>
        <p class={`live live-${liveState}`} role="status">
          {liveState === 'live' ? 'Live' : liveState === 'connecting' ? 'Connecting…' : 'Offline'}
        </p>
        <button type="button" class="button button-secondary" onClick={signOut}>
          Sign out
        </button>
      </div>
      <nav aria-label="Console sections">
        <ul>
          {sections
            .filter((section) => section.shown)
            .map((section) => (
              <li key={section.label}>
                <a href={hrefOf(section.route)} aria-current={route.page === section.route.page ? 'page' : undefined}>
                  {section.label}
                </a>
              </li>
            ))}
        </ul>
      </nav>
    </header>
  );
}
