import './meetings.css';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Agenda, Meeting } from '../../shared/contract';
import { categoryLabel, statusLabel } from '../../shared/labels';
import { areaName, useConsole } from '../consoleContext';
import { failureWords } from '../failureWords';
import { hrefOf } from '../route';
import { agendaHref, meetingDateLabel } from './meetingWords';
import { upcomingMeetingsOf } from './upcomingMeetings';

/*
 * The next board meetings of the areas I serve (from today on), soonest first, each with its
 * agenda: the issues put to it with their reports and any decision taken there, the standing
 * item, and a link to the printable agenda. At most MAX_SHOWN meetings, so an admin serving every
 * area is not kept waiting for all of them.
 */

const MAX_SHOWN = 12;

type Loaded = { readonly meeting: Meeting; readonly agenda: Agenda | null; readonly problem: string | null };

export function MeetingsPage() {
  const { api, me, areas } = useConsole();
  const myAreaIds = useMemo(() => (me.role === 'admin' || me.areas.includes('*') ? areas.map((area) => area.id) : me.areas.filter((id) => areas.some((area) => area.id === id))), [me, areas]);
  const [loaded, setLoaded] = useState<readonly Loaded[] | null>(null);
  const [more, setMore] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    (async () => {
      const meetings = await upcomingMeetingsOf(api, myAreaIds);
      const shown = meetings.slice(0, MAX_SHOWN);
      const agendas = await Promise.all(
        shown.map(async (meeting): Promise<Loaded> => {
          try {
            return { meeting, agenda: await api.get<Agenda>(`/meetings/${encodeURIComponent(meeting.id)}/agenda`), problem: null };
          } catch (error) {
            return { meeting, agenda: null, problem: `Its agenda could not be read. ${failureWords(error)}` };
          }
        }),
      );
      if (!current) return;
      setLoaded(agendas);
      setMore(meetings.length - shown.length);
      setProblem(null);
    })().catch((error: unknown) => current && setProblem(`The meetings could not be read. ${failureWords(error)}`));
    return () => {
      current = false;
    };
  }, [api, myAreaIds]);

  return (
    <main id="main" tabIndex={-1} class="meetings">
      <h1>Board meetings</h1>
      <p class="meetings-intro">The next meetings of {myAreaIds.length === 1 ? areaName(areas, myAreaIds[0]) : 'your area boards'}, from today on, with their agendas.</p>
      {problem ? (
        <div class="notice notice-error" role="alert">
          {problem}
        </div>
      ) : loaded === null ? (
        <p role="status">Loading the meetings…</p>
      ) : loaded.length === 0 ? (
        <p role="status">No meetings are scheduled from today on.</p>
      ) : (
        <>
          {loaded.map(({ meeting, agenda, problem: agendaProblem }) => (
            <MeetingAgenda key={meeting.id} meeting={meeting} boardName={areaName(areas, meeting.areaId)} agenda={agenda} problem={agendaProblem} />
          ))}
          {more > 0 ? <p class="meetings-more">And {more} later {more === 1 ? 'meeting' : 'meetings'}, not shown here.</p> : null}
        </>
      )}
    </main>
  );
}

interface MeetingAgendaProps {
  readonly meeting: Meeting;
  readonly boardName: string;
  readonly agenda: Agenda | null;
  readonly problem: string | null;
}

function MeetingAgenda({ meeting, boardName, agenda, problem }: MeetingAgendaProps) {
  const headingId = `meeting-${meeting.id}-heading`;
  return (
    <section class="meeting" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {boardName}: {meetingDateLabel(meeting.date)}
      </h2>
      <p class="meeting-venue">
        Venue: {meeting.venue}
        {' · '}
        <a href={agendaHref(meeting)}>
          Printable agenda<span class="visually-hidden">, {boardName}, {meetingDateLabel(meeting.date)}</span>
        </a>
      </p>
      {problem ? (
        <p class="notice notice-error" role="alert">
          {problem}
        </p>
      ) : null}
      {agenda ? (
        <>
          <h3>Agenda</h3>
          <ol class="agenda-items">
            {agenda.items.map((item) => (
              <li key={item.reference} class="agenda-item">
                <p class="agenda-item-title">
                  <a href={hrefOf({ page: 'issue', issueId: item.reference })}>{item.reference}</a> {item.title}
                </p>
                <dl class="agenda-item-facts">
                  <div>
                    <dt>Category</dt>
                    <dd>{categoryLabel(item.category)}</dd>
                  </div>
                  <div>
                    <dt>Status</dt>
                    <dd>{statusLabel(item.status)}</dd>
                  </div>
                  <div>
                    <dt>Decision</dt>
                    <dd class={item.decision ? 'agenda-decision' : 'agenda-undecided'}>{item.decision ?? 'None yet'}</dd>
                  </div>
                </dl>
                <p class="agenda-report">{item.report}</p>
              </li>
            ))}
            {agenda.standingItems.map((item) => (
              <li key={item.title} class="agenda-item agenda-standing">
                <p class="agenda-item-title">{item.title}</p>
                <p>{item.description}</p>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
