import type { IssueStatus } from '@app/lifecycle';
import type { SqlExecutor, SqlValue } from '../db/readModelDb';
import { PUBLIC_ISSUES_TABLE } from '../public/publicTables';
import { MEETING_ITEMS_TABLE, MEETINGS_TABLE, type RawMeetingRow } from './meetingTables';

/** A board meeting as listed: public, like the meeting itself. */
export interface ListedMeeting {
  readonly id: string;
  readonly areaId: string;
  /** As stored: a bare date, or a date-time in UTC. */
  readonly date: string;
  readonly venue: string;
  /** Present once published. */
  readonly minutes?: { readonly text: string; readonly publishedAt: string };
}

export interface MeetingPeriod {
  /** Meetings starting at or after this instant (ISO 8601, UTC); a bare-date meeting starts at its midnight UTC. */
  readonly from?: string;
  /** ...and before this one. */
  readonly to?: string;
}

/** One issue put to a meeting, as its agenda shows it: nothing personal, only what the public tracker shows and the board's report. */
export interface AgendaItem {
  readonly reference: string;
  readonly title: string;
  readonly category: string;
  readonly report: string;
  /** The issue's status now. */
  readonly status: IssueStatus;
  /** What was decided at the meeting, in words; absent while nothing is. */
  readonly decision?: string;
}

/** An area's meetings in the period, soonest first (ties by id, so the order is stable). */
export async function listMeetings(db: SqlExecutor, areaId: string, period: MeetingPeriod = {}): Promise<ListedMeeting[]> {
  const params: SqlValue[] = [areaId];
  let where = 'area_id = $1';
  if (period.from !== undefined) {
    params.push(period.from);
    where += ` AND starts_at >= $${params.length}`;
  }
  if (period.to !== undefined) {
    params.push(period.to);
    where += ` AND starts_at < $${params.length}`;
  }
  const rows = await db.all<RawMeetingRow>(`SELECT * FROM ${MEETINGS_TABLE} WHERE ${where} ORDER BY starts_at, meeting_id`, params);
  return rows.map(toListedMeeting);
}

/**
 * The issues put to a meeting, in the order they were put (ties by reference). Each joins the
 * public tracker's row, which holds no personal data: an issue the public tracker has not caught
 * up with yet is left out until it has (asOfPosition says how far both have).
 */
export async function agendaItems(db: SqlExecutor, meetingId: string): Promise<AgendaItem[]> {
  const rows = await db.all<{ reference: string; title: string; category: string; status: IssueStatus; report: string; decision: string | null }>(
    `SELECT p.reference, p.title, p.category, p.status, i.report, i.decision
       FROM ${MEETING_ITEMS_TABLE} i JOIN ${PUBLIC_ISSUES_TABLE} p ON p.issue_id = i.issue_id
      WHERE i.meeting_id = $1
      ORDER BY i.added_at, p.reference`,
    [meetingId],
  );
  return rows.map(({ reference, title, category, status, report, decision }) => ({
    reference,
    title,
    category,
    report,
    status,
    ...(decision !== null && { decision }),
  }));
}

const toListedMeeting = (row: RawMeetingRow): ListedMeeting => ({
  id: row.meeting_id,
  areaId: row.area_id,
  date: row.date,
  venue: row.venue,
  ...(row.minutes_text !== null && row.minutes_published_at !== null && { minutes: { text: row.minutes_text, publishedAt: row.minutes_published_at } }),
});
