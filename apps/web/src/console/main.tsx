import '../shared/site.css';
import './console.css';
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, apiClient } from '../shared/api';
import type { Area, Me, VerifyReport } from '../shared/contract';
import { currentToken, forgetToken, keepToken, takeToken } from '../shared/session';
import { AuditPage } from './audit/AuditPage';
import { ConsoleContext, type ConsoleContextValue } from './consoleContext';
import { ConsoleHeader } from './ConsoleHeader';
import { IntakePage } from './intake/IntakePage';
import { IssuePage } from './issue/IssuePage';
import { type LiveFeed, openLiveFeed } from './liveFeed';
import { MeetingsPage } from './meetings/MeetingsPage';
import { QueuePage } from './queue/QueuePage';
import { parseRoute, type Route } from './route';
import { SignIn } from './SignIn';
import { TasksPage } from './tasks/TasksPage';

/*
 * The staff console (GET /console): sign in, then the work queue, an issue's page, staff intake
 * and the auditor's view, all through the same HTTP API as any other client.
 */

type Session =
  | { readonly state: 'signedOut'; readonly problem: string | null }
  | { readonly state: 'checking' }
  | { readonly state: 'signedIn'; readonly token: string; readonly me: Me; readonly areas: readonly Area[] };

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

async function signIn(token: string): Promise<Session> {
  const api = apiClient(() => token);
  try {
    const [me, areas] = await Promise.all([api.get<Me>('/me'), api.get<Area[]>('/areas')]);
    return { state: 'signedIn', token, me, areas };
  } catch (error) {
    const problem =
      error instanceof ApiError && error.status === 401
        ? `That token was not accepted (${error.message}). Ask for a new one, or sign in again through your council's sign-on.`
        : error instanceof Error
          ? error.message
          : String(error);
    return { state: 'signedOut', problem };
  }
}

function Console() {
  const [session, setSession] = useState<Session>(() => (takeToken() ? { state: 'checking' } : { state: 'signedOut', problem: null }));
  const route = useRoute();
  const [verifyReport, setVerifyReport] = useState<VerifyReport | null>(null);

  useEffect(() => {
    const token = currentToken();
    if (session.state === 'checking' && token) {
      void signIn(token).then((next) => {
        if (next.state === 'signedOut') forgetToken();
        setSession(next);
      });
    }
  }, [session.state]);

  const live = useMemo<LiveFeed | null>(() => (session.state === 'signedIn' ? openLiveFeed(session.token) : null), [session.state === 'signedIn' ? session.token : null]);
  useEffect(() => () => live?.close(), [live]);

  const context = useMemo<ConsoleContextValue | null>(
    () =>
      session.state === 'signedIn' && live
        ? {
            // A 401 mid-session (the token expired): back to sign-in, saying why.
            api: apiClient(currentToken, (error) => {
              forgetToken();
              setVerifyReport(null);
              setSession({ state: 'signedOut', problem: `Your sign-in has ended (${error.message}). Sign in again to go on.` });
            }),
            me: session.me,
            areas: session.areas,
            live,
            signOut: () => {
              forgetToken();
              setVerifyReport(null);
              setSession({ state: 'signedOut', problem: null });
            },
          }
        : null,
    [session, live],
  );

  useEffect(() => {
    document.title = `${titleOf(route)} · Staff console`;
  }, [route]);

  if (session.state === 'checking') {
    return (
      <main id="main" class="narrow">
        <p role="status">Signing in…</p>
      </main>
    );
  }
  if (session.state === 'signedOut' || !context) {
    return (
      <SignIn
        problem={session.state === 'signedOut' ? session.problem : null}
        onToken={(token) => {
          keepToken(token);
          setSession({ state: 'checking' });
        }}
      />
    );
  }
  return (
    <ConsoleContext.Provider value={context}>
      <ConsoleHeader route={route} />
      <Page route={route} verifyReport={verifyReport} onVerifyReport={setVerifyReport} />
    </ConsoleContext.Provider>
  );
}

interface PageProps {
  readonly route: Route;
  /** Verify's last result, kept here so it survives moving between the issues it names. */
  readonly verifyReport: VerifyReport | null;
  readonly onVerifyReport: (report: VerifyReport) => void;
}

function Page({ route, verifyReport, onVerifyReport }: PageProps) {
  switch (route.page) {
    case 'queue':
      return <QueuePage query={route.query} />;
    case 'issue':
      return <IssuePage key={route.issueId} issueId={route.issueId} />;
    case 'intake':
      return <IntakePage />;
    case 'meetings':
      return <MeetingsPage />;
    case 'tasks':
      return <TasksPage />;
    case 'audit':
      return <AuditPage key={route.lookup ?? ''} lookup={route.lookup} report={verifyReport} onReport={onVerifyReport} />;
  }
}

function titleOf(route: Route): string {
  switch (route.page) {
    case 'queue':
      return 'Work queue';
    case 'issue':
      return 'Issue';
    case 'intake':
      return 'New issue';
    case 'meetings':
      return 'Board meetings';
    case 'tasks':
      return 'Tasks';
    case 'audit':
      return 'Audit';
  }
}

render(<Console />, document.getElementById('app')!);
