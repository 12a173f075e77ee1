import './queue.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { IssueList } from '../../shared/contract';
import { formatCount, todayInLondon } from '../../shared/format';
import { useConsole } from '../consoleContext';
import { failureWords } from '../failureWords';
import { useLiveEvents } from '../liveFeed';
import { hrefOf, navigate, type RouteQuery } from '../route';
import { Pager } from './Pager';
import { QueueFilterForm } from './QueueFilterForm';
import { filtersOf, listQuery, queryOf } from './queueFilters';
import { QueueTable } from './QueueTable';
import { StatusCounts } from './StatusCounts';

/*
 * The work queue: the issues in my areas, filtered and sorted as the address says, counted by
 * status, a page at a time. It re-reads the page when the live feed reports a change (after a
 * short pause, so a burst of events is one read), keeping the table in place so nobody loses
 * their scroll or focus, and says so in a polite status message.
 */

/** How long the queue waits after a live event before reading again: a burst of events, one read. */
const LIVE_PAUSE_MS = 300;

export function QueuePage({ query = {} }: { readonly query?: RouteQuery }) {
  const { api, me, areas, live } = useConsole();
  const address = hrefOf({ page: 'queue', query });
  const filters = useMemo(() => filtersOf(query), [address]);
  const myAreas = useMemo(() => (me.role === 'admin' || me.areas.includes('*') ? areas : areas.filter((area) => me.areas.includes(area.id))), [me, areas]);

  const [list, setList] = useState<IssueList | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(true);
  const [announcement, setAnnouncement] = useState('');
  const [categories, setCategories] = useState<readonly string[]>([]);
  const latestRead = useRef(0);

  useEffect(() => {
    api.get<string[]>('/categories').then(setCategories, (error: unknown) => setProblem(`The categories could not be read. ${failureWords(error)}`));
  }, [api]);

  /** Reads the page the filters name; only the latest read's answer is shown. */
  const read = useCallback(
    async (becauseOfLive: boolean) => {
      const ticket = ++latestRead.current;
      setBusy(true);
      try {
        const answer = await api.get<IssueList>('/issues', listQuery(filters));
        if (ticket !== latestRead.current) return;
        setList(answer);
        setProblem(null);
        setAnnouncement(becauseOfLive ? 'Queue updated' : `${formatCount(answer.total)} ${answer.total === 1 ? 'issue' : 'issues'} found`);
      } catch (error) {
        if (ticket === latestRead.current) setProblem(`The queue could not be read. ${failureWords(error)}`);
      } finally {
        if (ticket === latestRead.current) setBusy(false);
      }
    },
    [api, filters],
  );

  useEffect(() => {
    void read(false);
  }, [read]);

  const livePause = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useLiveEvents(live, () => {
    clearTimeout(livePause.current);
    livePause.current = setTimeout(() => void read(true), LIVE_PAUSE_MS);
  });
  useEffect(() => () => clearTimeout(livePause.current), []);

  return (
    <main id="main" tabIndex={-1} class="queue">
      <h1>Work queue</h1>
      <QueueFilterForm filters={filters} areas={myAreas} categories={categories} onApply={(next) => navigate({ page: 'queue', query: queryOf(next) })} />
      <p class="queue-announcement" role="status">
        {announcement}
      </p>
      {problem ? (
        <div class="notice notice-error" role="alert">
          {problem}
        </div>
      ) : null}
      {list ? (
        <>
          <StatusCounts filters={filters} counts={list.statusCounts} />
          {list.items.length > 0 ? (
            <QueueTable items={list.items} areas={areas} sort={filters.sort} today={todayInLondon()} busy={busy} />
          ) : (
            <p class="queue-empty">{list.total > 0 ? 'There are no issues on this page: go back to an earlier page.' : 'No issues match these filters.'}</p>
          )}
          <Pager filters={filters} total={list.total} pageSize={list.pageSize} shownOnPage={list.items.length} />
        </>
      ) : busy ? (
        <p>Loading the queue…</p>
      ) : null}
    </main>
  );
}
