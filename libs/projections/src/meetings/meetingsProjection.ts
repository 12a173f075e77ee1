import type { GlobalEvent } from '@app/event-store';
import { type IssueEventType, type MeetingEventType, meetingStartOf } from '@app/lifecycle';
import { isIssueStream, isMeetingStream, issueIdOf, meetingIdOf, toIssueEvent, toMeetingEvent } from '@app/streams';
import type { Projection, ProjectionTransaction } from '../projection';
import { agendaDecisionOf, meetingNamedBy } from './agendaDecision';
import { MEETING_ITEMS_TABLE, MEETINGS_TABLE, meetingItemsDdl, meetingsDdl } from './meetingTables';

export const MEETINGS_PROJECTION = 'meetings';

const MEETING_EVENTS: readonly MeetingEventType[] = ['MeetingScheduled', 'MinutesPublished'];
/** The issue events that can name a meeting: the scheduling that puts an issue on its agenda, and the decisions taken there. */
const ISSUE_EVENTS: readonly IssueEventType[] = ['BoardReviewScheduled', 'IssueReferred', 'RoundtableConvened', 'IssueResolved'];

/**
 * Board meetings and their agendas (GET /areas/:areaId/meetings, GET /meetings/:id/agenda). An
 * issue is on a meeting's agenda from a BoardReviewScheduled naming the meeting, with its report;
 * a later referral, roundtable or resolution naming the same meeting is that item's decision (the
 * latest one stands). Events come in stream order, so an upsert per event leaves the latest.
 */
export const meetingsProjection: Projection = {
  name: MEETINGS_PROJECTION,
  handles: [...MEETING_EVENTS, ...ISSUE_EVENTS],
  tables: [
    { name: MEETINGS_TABLE, ddl: meetingsDdl },
    { name: MEETING_ITEMS_TABLE, ddl: meetingItemsDdl },
  ],

  async apply(events: readonly GlobalEvent[], tx: ProjectionTransaction): Promise<void> {
    for (const stored of events) {
      if (isMeetingStream(stored.streamId)) await applyMeetingEvent(stored, tx);
      else if (isIssueStream(stored.streamId)) await applyIssueEvent(stored, tx);
    }
  },
};

async function applyMeetingEvent(stored: GlobalEvent, tx: ProjectionTransaction): Promise<void> {
  const meetings = tx.table(MEETINGS_TABLE);
  const meetingId = meetingIdOf(stored.streamId);
  const event = toMeetingEvent(stored);
  if (event.type === 'MeetingScheduled') {
    const { areaId, date, venue } = event.data;
    await tx.run(
      `INSERT INTO ${meetings} (meeting_id, area_id, date, starts_at, venue) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (meeting_id) DO UPDATE SET area_id = excluded.area_id, date = excluded.date, starts_at = excluded.starts_at, venue = excluded.venue`,
      [meetingId, areaId, date, meetingStartOf(date), venue],
    );
  } else {
    await tx.run(`UPDATE ${meetings} SET minutes_text = $2, minutes_published_at = $3 WHERE meeting_id = $1`, [meetingId, event.data.text, event.occurredAt]);
  }
}

async function applyIssueEvent(stored: GlobalEvent, tx: ProjectionTransaction): Promise<void> {
  const event = toIssueEvent(stored);
  const meetingId = meetingNamedBy(event);
  if (meetingId === undefined) return;
  const items = tx.table(MEETING_ITEMS_TABLE);
  const issueId = issueIdOf(stored.streamId);
  if (event.type === 'BoardReviewScheduled') {
    // Put to the same meeting again (reopened, reviewed again): the new report, nothing decided yet.
    await tx.run(
      `INSERT INTO ${items} (meeting_id, issue_id, added_at, report, decision) VALUES ($1, $2, $3, $4, NULL)
       ON CONFLICT (meeting_id, issue_id) DO UPDATE SET report = excluded.report, decision = NULL`,
      [meetingId, issueId, event.occurredAt, event.data.report],
    );
    return;
  }
  const decision = agendaDecisionOf(event);
  // A decision at a meeting the issue was not put to changes no agenda: the agenda lists what was put.
  if (decision !== null) await tx.run(`UPDATE ${items} SET decision = $3 WHERE meeting_id = $1 AND issue_id = $2`, [meetingId, issueId, decision]);
}
