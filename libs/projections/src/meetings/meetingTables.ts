/**
 * The meetings projection's tables: each board meeting as scheduled (and its latest minutes), and
 * the issues put to it. An item keeps only what the agenda says of it beyond the public tracker:
 * the board's report and the decision taken at the meeting. Its reference, title, category and
 * status are read from the public tracker's table when asked, so they never disagree with it.
 */
export const MEETINGS_TABLE = 'meetings';
export const MEETING_ITEMS_TABLE = 'meeting_items';

export const meetingsDdl = (table: string) => `
CREATE TABLE ${table} (
  meeting_id           TEXT PRIMARY KEY,
  area_id              TEXT NOT NULL,
  date                 TEXT NOT NULL,
  starts_at            TEXT NOT NULL,
  venue                TEXT NOT NULL,
  minutes_text         TEXT,
  minutes_published_at TEXT
);
CREATE INDEX ${table}_area_starts ON ${table} (area_id, starts_at);
`;

export const meetingItemsDdl = (table: string) => `
CREATE TABLE ${table} (
  meeting_id TEXT NOT NULL,
  issue_id   TEXT NOT NULL,
  added_at   TEXT NOT NULL,
  report     TEXT NOT NULL,
  decision   TEXT,
  PRIMARY KEY (meeting_id, issue_id)
);
`;

/** A meeting row as the database answers it. */
export interface RawMeetingRow {
  meeting_id: string;
  area_id: string;
  date: string;
  starts_at: string;
  venue: string;
  minutes_text: string | null;
  minutes_published_at: string | null;
}
