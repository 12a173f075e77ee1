import type { GlobalEvent } from '@app/event-store';
import { ISSUE_EVENT_TYPES } from '@app/lifecycle';
import { issueIdOf, isIssueStream, toIssueEvent } from '@app/streams';
import type { SqlValue } from '../db/readModelDb';
import type { Projection, ProjectionTransaction } from '../projection';
import { foldPublic } from './publicFold';
import {
  PUBLIC_ISSUE_COLUMNS,
  PUBLIC_ISSUES_TABLE,
  PUBLIC_TIMELINE_TABLE,
  publicIssueColumns,
  publicIssuesDdl,
  type PublicIssueRow,
  type PublicTimelineEntry,
  publicTimelineDdl,
  type RawPublicIssueRow,
  toPublicIssueRow,
} from './publicTables';

export const PUBLIC_TRACKER = 'public-tracker';

const placeholders = PUBLIC_ISSUE_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
const updates = PUBLIC_ISSUE_COLUMNS.slice(1)
  .map((column) => `${column} = excluded.${column}`)
  .join(', ');

/**
 * The public tracker (GET /public/issues/:reference) and "you said, we did": what anyone may
 * see of an issue, kept apart from the staff's tables so that no query of them can reach
 * personal data. A page's events are folded in memory; each issue touched is loaded once and
 * written once, and each new timeline entry inserted once.
 */
export const publicTrackerProjection: Projection = {
  name: PUBLIC_TRACKER,
  handles: ISSUE_EVENT_TYPES,
  tables: [
    { name: PUBLIC_ISSUES_TABLE, ddl: publicIssuesDdl },
    { name: PUBLIC_TIMELINE_TABLE, ddl: publicTimelineDdl },
  ],

  async apply(events: readonly GlobalEvent[], tx: ProjectionTransaction): Promise<void> {
    const issues = tx.table(PUBLIC_ISSUES_TABLE);
    const issueEvents = events.filter((event) => isIssueStream(event.streamId));
    const rows = await loadRows(tx, issues, [...new Set(issueEvents.map((event) => issueIdOf(event.streamId)))]);
    const touched = new Set<string>();
    const entries: PublicTimelineEntry[] = [];
    for (const event of issueEvents) {
      const issueId = issueIdOf(event.streamId);
      const step = foldPublic(rows.get(issueId), issueId, toIssueEvent(event));
      if (!step) continue;
      rows.set(issueId, step.row);
      touched.add(issueId);
      if (step.entry) entries.push(step.entry);
    }
    const upsert = `INSERT INTO ${issues} (${PUBLIC_ISSUE_COLUMNS.join(', ')}) VALUES (${placeholders}) ON CONFLICT (issue_id) DO UPDATE SET ${updates}`;
    for (const id of touched) await tx.run(upsert, publicIssueColumns(rows.get(id)!));
    await insertEntries(tx, tx.table(PUBLIC_TIMELINE_TABLE), entries);
  },
};

// Well under PostgreSQL's 65,535 parameters a statement (5 a timeline entry).
const CHUNK = 500;

async function loadRows(tx: ProjectionTransaction, table: string, ids: readonly string[]): Promise<Map<string, PublicIssueRow>> {
  const rows = new Map<string, PublicIssueRow>();
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    const found = await tx.all<RawPublicIssueRow>(`SELECT * FROM ${table} WHERE issue_id IN (${chunk.map((_, i) => `$${i + 1}`).join(', ')})`, chunk);
    for (const raw of found) rows.set(raw.issue_id, toPublicIssueRow(raw));
  }
  return rows;
}

async function insertEntries(tx: ProjectionTransaction, table: string, entries: readonly PublicTimelineEntry[]): Promise<void> {
  for (let start = 0; start < entries.length; start += CHUNK) {
    const chunk = entries.slice(start, start + CHUNK);
    const params: SqlValue[] = chunk.flatMap((entry) => [entry.issueId, entry.seq, entry.status, entry.at, entry.note]);
    const values = chunk.map((_, i) => `($${i * 5 + 1}, $${i * 5 + 2}, $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5})`).join(', ');
    await tx.run(`INSERT INTO ${table} (issue_id, seq, status, at, note) VALUES ${values}`, params);
  }
}
